"""Where a Cámara history note goes in the tree being built: the unit it names, still open.

"Párrafo reformado DOF …" goes on the paragraph written last, "Artículo adicionado DOF …" on the
article; a note on an article's epigraph turns the paragraph before it into the heading.
"""

from __future__ import annotations

from .lines import Line
from .model import Kind
from .tree_nodes import CONTAINER_RANK, Node
from .tree_state import BuilderState

_EPIGRAPH_NOTES = ("encabezado del articulo", "epigrafe")  # units of notes on an article's epigraph


class NotePlacement(BuilderState):
    """The ``Builder``'s notes: which node each history note is attached to."""

    def annotate(self, line: Line) -> None:
        if not self.started:
            return
        target = self.note_target(line)
        if target is not None:
            target.notes.extend(line.annotations)
        if line.annotations and line.annotations[0].unit.startswith(_EPIGRAPH_NOTES):
            self.promote_epigraph()

    def promote_epigraph(self) -> None:
        """'Encabezado del artículo reformado DOF …' / 'Epígrafe reformado DOF …' right after an
        article's only paragraph: that paragraph was its epigraph, whatever its punctuation
        ('Artículo 235. Aseguramiento de narcóticos … e hidrocarburos.', CNPP)."""
        article = self.article
        if article is None or article.heading or len(article.children) != 1 or self.stack:
            return
        paragraph = article.children[0]
        if paragraph.kind is not Kind.PARRAFO or paragraph.children or len(paragraph.text) > 200:
            return
        article.heading = paragraph.text
        article.children.clear()
        article.paragraphs = 0
        article.last_paragraph = None
        article.notes.extend(paragraph.notes)
        self.labels.discard(paragraph.label)
        self.opened.pop(paragraph.label, None)
        self.holder = article

    def note_target(self, line: Line) -> Node | None:
        kind = line.unit
        unit = line.annotations[0].unit if line.annotations else ""
        if kind is Kind.ARTICULO:
            return self.article or self.innermost()
        if kind is Kind.PARRAFO:
            if self.article is not None and (" con " in unit or " y " in unit):
                owner = self.stack[-1] if self.stack and self.stack[-1].kind is Kind.PARRAFO else None
                for node in (owner, *reversed(self.stack), self.article):
                    if node is not None and node.list_intro is not None:
                        return node.list_intro
            return self.holder or self.article or self.innermost()
        if kind in CONTAINER_RANK:
            for node in reversed(self.containers):
                if node.kind is kind:
                    return node
            return self.innermost()
        if kind is not None:
            for node in reversed(self.stack):
                if node.kind is kind:
                    return node
            return self.holder or self.article or self.innermost()
        return self.article or self.holder or self.innermost()  # "Nota: ..." names no unit

    def innermost(self) -> Node | None:
        return self.containers[-1] if self.containers else None
