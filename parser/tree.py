"""Classified lines -> provision tree: the builder behind ``statute.build_tree``.

Tree rules, in short: containers (libro, título, capítulo, sección) nest and carry their path;
articles hang from the innermost container but their label has no path; an article's own text
is "" and its paragraphs are children ``par_1..N`` counted with fracciones left out; fracciones,
incisos and numerales nest in the order they open; a fracción's own text is its first paragraph
and further paragraphs are its children ``par_2..``; transitorios are top-level ``tra_N``.

A doubt never refuses the text: a unit number the text already has is kept apart under
``…-dup2`` and an unreadable number is left out, each with a ``Finding`` (line number, Spanish
message) in ``Builder.findings``. ``Builder.opened`` maps each label to the input line on which
its provision opened, so that the structural check (parser.check) can give its findings a line.

This module is the state machine (its state is ``parser.tree_state.BuilderState``); where a
paragraph of prose goes is in ``parser.tree_prose``, where a history note goes in
``parser.tree_notes``; the node and its label parts are in ``parser.tree_nodes``, the list and
párrafo placement rules (and what an epigraph or an enacting article is) in ``parser.tree_rules``.

Where the statute ends is decided, not guessed:

* the Cámara appendix "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA" reprints each reform
  decree's transitorios, restarting at PRIMERO; it is history, not the statute, so the tree stops
  there (its labels would collide with the statute's own ``tra_N`` anyway);
* a second run of transitorios (a transitorio label seen before, or a second TRANSITORIOS
  heading once items were read) belongs to another decree - the enacting decree of a law
  published inside "ARTÍCULO PRIMERO.- Se expide la Ley ..." - and ends the statute too;
* an enacting article ("ARTÍCULO ÚNICO.- Se expide ...", "... para quedar como sigue:") before any
  unit is preamble: what follows it is the statute; one after units were read starts another
  statute, and the tree stops before it.
"""

from __future__ import annotations

import re

from .lines import Line, LineKind, article_title, heading_like
from .model import Finding, FindingKind, Kind, Provision, Status
from .tree_nodes import CONTAINER_RANK, Node, join_label, label_part
from .tree_notes import NotePlacement
from .tree_prose import ProsePlacement
from .tree_rules import (
    LIST_KINDS,
    has_epigraph_layout,
    is_enacting,
    is_epigraph,
    same_list,
)

_ARTICLE_WORD_RE = re.compile(r"(?i:art[íi]culo|art\.|disposici[óo]n)")


class _Stop(Exception):
    """The statute ends here (appendix, another decree's transitorios, another statute)."""


class Builder(ProsePlacement, NotePlacement):
    """Reads classified lines in order and grows the tree; see the module docstring."""

    # --- driving ---------------------------------------------------------------------------
    def run(self) -> tuple[Provision, ...]:
        feed = self.feed
        index = 0
        try:
            for index, line in enumerate(self.lines):
                feed(index, line)
        except _Stop:
            if self.lines[index].kind is not LineKind.APPENDIX:
                self.check_cut_short(index)
        return tuple(node.freeze() for node in self.top)

    def check_cut_short(self, stop: int) -> None:
        """The statute ended at line ``stop`` (another decree's transitorios or enacting article):
        if artículos 'Artículo N' or headings follow before any reform appendix, the law seems to
        go on, and a CUT_SHORT finding says how much was left unread."""
        left = 0
        for line in self.lines[stop + 1:]:
            if line.kind is LineKind.APPENDIX:
                break
            if line.kind is LineKind.HEADING or line.kind is LineKind.ARTICLE and line.number[:1].isdigit():
                left += 1
        if left:
            stopped = self.lines[stop]
            self.findings.append(Finding(
                FindingKind.CUT_SHORT,
                f"el ordenamiento se da por terminado en {stopped.raw[:60]!r}, pero le siguen {left} "
                f"artículos o encabezados que no se leyeron", stopped.lineno))

    def feed(self, index: int, line: Line) -> None:
        kind = line.kind
        if kind is LineKind.FURNITURE:
            return
        if kind is LineKind.APPENDIX:
            raise _Stop
        if kind is LineKind.SIGNATURE:
            self.closed = self.started or self.closed
            self.awaiting_heading = None
            if self.top_kind is not None and self.started:
                self.close_article()  # the numerales end; a list after the signature is not one
            return
        if kind is LineKind.ANNOTATION:
            self.annotate(line)
            return
        if kind in (LineKind.PARAGRAPH, LineKind.TABLE):
            self.prose(index, line)
            return
        self.closed = False
        if kind is LineKind.HEADING:
            self.heading(line)
        elif kind is LineKind.TRANSITORIOS_HEADING:
            self.transitorios_heading()
        elif kind is LineKind.ARTICLE:
            self.open_article(index, line)
        elif kind is LineKind.TRANSITORIO:
            self.open_transitorio(line)
        elif kind is LineKind.ELISION:
            self.elision(index, line)
        elif index in self.top_opens:
            self.open_top(line)
        else:
            self.list_item(line)

    # --- containers --------------------------------------------------------------------------
    def heading(self, line: Line) -> None:
        assert line.unit is not None
        self.started = True
        self.in_transitorios = False
        self.close_article()
        rank = CONTAINER_RANK[line.unit]
        while self.containers and CONTAINER_RANK[self.containers[-1].kind] >= rank:
            self.containers.pop()
        path = self.containers[-1].label if self.containers else ""
        part = self.part(line.unit, line)
        if part is None:
            return
        node = Node(join_label(path, part), line.unit, line.number, line.text)
        self.register(node, line)
        self.attach_container(node)
        self.containers.append(node)
        self.awaiting_heading = None if line.text else node

    def attach_container(self, node: Node) -> None:
        (self.containers[-1].children if self.containers else self.top).append(node)

    def transitorios_heading(self) -> None:
        if self.in_transitorios and self.transitorios_seen:
            raise _Stop  # a second transitorios section: another decree's
        self.started = True
        self.close_article()
        self.containers.clear()
        self.in_transitorios = True

    # --- articles and transitorios ---------------------------------------------------------
    def open_article(self, index: int, line: Line) -> None:
        if is_enacting(line):
            if self.started:
                raise _Stop  # another statute begins inside the same text
            return
        if line.number[:1].isdigit():
            self.numbered_articles = True
        elif self.numbered_articles and not _ARTICLE_WORD_RE.match(line.raw):
            # "Primero. Si en el audiograma …": steps of a procedure inside an article of a law
            # whose articles are "Artículo N"; only acuerdos number articles with bare ordinals.
            self.prose(index, Line(LineKind.PARAGRAPH, line.raw, raw=line.raw, lineno=line.lineno))
            return
        self.started = True
        self.close_article()
        node = self.new_article(Kind.ARTICULO, line, "")
        if node is not None:
            (self.containers[-1].children if self.containers else self.top).append(node)

    def open_transitorio(self, line: Line) -> None:
        self.started = True
        self.close_article()
        self.containers.clear()
        label = self.part(Kind.TRANSITORIO, line)
        if label is None:
            return
        if label in self.labels:
            raise _Stop  # numbering restarts: another decree's transitorios
        self.transitorios_seen = True
        node = self.new_article(Kind.TRANSITORIO, line, "")
        if node is not None:
            self.top.append(node)

    def open_top(self, line: Line) -> None:
        """A top-level numeral or apartado of a text without artículos: placed like an article
        (its label has no container path), shaped like a list item (its own text is its first
        paragraph; a title such as "1. Objetivo" is its heading)."""
        assert self.top_kind is not None
        self.started = True
        self.close_article()
        part = self.part(self.top_kind, line)
        if part is None:
            return
        node = Node(part, self.top_kind, line.number)
        self.register(node, line)
        if line.derogated:
            node.status = Status.DEROGADO
            node.text = line.text
        elif heading_like(line.text):
            node.heading = line.text
        elif line.text:
            node.text = line.text
        node.paragraphs = 1 if (node.text or line.elided) else 0
        (self.containers[-1].children if self.containers else self.top).append(node)
        self.article = node
        self.holder = node

    def new_article(self, kind: Kind, line: Line, path: str) -> Node | None:
        part = self.part(kind, line)
        if part is None:
            return None
        node = Node(join_label(path, part), kind, line.number)
        self.register(node, line)
        self.article = node
        self.holder = node
        if line.derogated:
            node.status = Status.DEROGADO
            node.text = line.text
        elif line.elided:
            node.paragraphs = 1
        elif article_title(line) or is_epigraph(line) and self.epigraph_layout():
            node.heading = line.text        # "Disposición 5.- Niveles …", "Artículo 3o. Glosario"
        elif line.text:
            self.add_paragraph(node, line.text, line.lineno)
        return node

    def epigraph_layout(self) -> bool:
        if self.epigraphs is None:
            self.epigraphs = has_epigraph_layout(self.lines)
        return self.epigraphs

    def close_article(self) -> None:
        self.article = None
        self.stack.clear()
        self.holder = None
        self.awaiting_heading = None

    # --- lists ----------------------------------------------------------------------------
    def list_item(self, line: Line) -> None:
        kind = LIST_KINDS[line.kind]
        if self.article is None:
            if not self.started or not self.containers:
                return  # lists in a preamble are not provisions
            self.article = self.containers[-1]
        part = label_part(kind, line.number) or self.part(kind, line)
        if part is None:
            return
        parent = self.parent_for(kind, line.number)
        if join_label(parent.label, part) in self.labels:
            parent = self.restart_parent(parent)
        node = Node(join_label(parent.label, part), kind, line.number,
                     inner=kind is Kind.APARTADO and parent.kind is Kind.FRACCION)
        if kind is Kind.APARTADO and line.text and not line.text.endswith((".", ":", ";")):
            node.heading = line.text
        elif line.derogated:
            node.status = Status.DEROGADO
            node.text = line.text
        elif line.text:
            node.text = line.text
        node.paragraphs = 1 if (node.text or line.elided) else 0
        self.register(node, line)
        if parent.kind is Kind.PARRAFO:
            parent.list_intro = parent  # a restarted list hangs from the paragraph introducing it
        elif kind not in parent.list_kinds:
            parent.list_intro = parent.last_paragraph
        parent.list_kinds.add(kind)
        parent.children.append(node)
        self.stack.append(node)
        self.holder = node

    def parent_for(self, kind: Kind, number: str = "") -> Node:
        """Pop the open items a new item of ``kind`` numbered ``number`` closes; return its parent.

        A subnumeral ("ii." under an inciso, parser.subnumerales) closes the subnumeral before it, not
        an Arabic numeral the inciso sits in: the two lists are told apart by their numbers."""
        assert self.article is not None
        if kind is Kind.APARTADO:
            holder = self.fraccion_with_apartados()
            if holder is not None:
                return holder
            self.stack.clear()
        elif kind is Kind.FRACCION:
            # a párrafo holds fracciones only if it introduced a list of them; one that introduced
            # a list of incisos (CFF 26 X: 'Se entenderá por control efectivo …:' a) b) c)) ends
            # with it, and the next fracción (XI) goes back up to the article
            while self.stack and (self.stack[-1].kind not in (Kind.APARTADO, Kind.PARRAFO)
                                  or self.stack[-1].kind is Kind.APARTADO and self.stack[-1].inner or (
                    self.stack[-1].kind is Kind.PARRAFO and self.stack[-1].list_kinds
                    and Kind.FRACCION not in self.stack[-1].list_kinds)):
                self.stack.pop()
        elif any(same_list(node, kind, number) for node in self.stack):
            while not same_list(self.stack[-1], kind, number):
                self.stack.pop()
            self.stack.pop()
        return self.stack[-1] if self.stack else self.article

    def fraccion_with_apartados(self) -> Node | None:
        """The open fracción an apartado belongs to: one that holds apartados already, or whose
        text so far ends announcing a list ('I. Para efectos fiscales, la contabilidad se integra
        por:' / 'A. Los libros …' / 'B. Tratándose …' / 'II. …', CFF 28, 32-B). The stack is cut
        back to it; None where the apartado opens at the article's level, as usual."""
        for position in range(len(self.stack) - 1, -1, -1):
            node = self.stack[position]
            if node.kind is not Kind.FRACCION:
                continue
            last = node.last_paragraph.text if node.last_paragraph is not None else node.text
            if Kind.APARTADO in node.list_kinds or not node.list_kinds and last.endswith(":"):
                del self.stack[position + 1:]
                return node
            return None
        return None

    def restart_parent(self, parent: Node) -> Node:
        """A list that restarts its numbering hangs from the paragraph that introduced it (where
        there is none, the item stays in ``parent`` and ``register`` reports the collision)."""
        intro = parent.last_paragraph
        if intro is None or intro in self.stack:
            return parent
        self.stack.append(intro)
        return intro

    def elision(self, index: int, line: Line) -> None:
        if not self.started or self.article is None:
            return
        if line.unit is None:
            # An unchanged article paragraph takes its number; inside a list that goes on, the
            # ellipsis stands for a sibling item, which has a number of its own.
            if not self.stack or self.next_item[index] is None:
                self.stack.clear()
                self.article.paragraphs += 1
            return
        if line.unit in (Kind.FRACCION, Kind.INCISO, Kind.NUMERAL, Kind.APARTADO):
            self.parent_for(line.unit, line.number)

    def register(self, node: Node, line: Line) -> None:
        """Claim ``node``'s label; a label the text already has is kept apart, never overwritten:
        the second unit is labelled ``…-dup2`` (``-dup3`` …) and a COLLISION finding says so."""
        if node.label in self.labels:
            first = node.label
            copy = 2
            while f"{first}-dup{copy}" in self.labels:
                copy += 1
            node.label = f"{first}-dup{copy}"
            self.findings.append(Finding(
                FindingKind.COLLISION,
                f"{line.raw[:60]!r} repite el número de {first}, que el texto ya tiene; "
                f"se conserva aparte como {node.label}", line.lineno, node.label))
        self.labels.add(node.label)
        self.opened[node.label] = line.lineno

    def part(self, kind: Kind, line: Line) -> str | None:
        """The label part of ``line``'s number; None, with an UNREADABLE finding, when it cannot
        be read (the line is then left out of the tree, and the reading goes on)."""
        part = label_part(kind, line.number)
        if part is None:
            self.findings.append(Finding(
                FindingKind.UNREADABLE, f"no se puede leer el número de {line.raw[:60]!r}",
                line.lineno))
        return part


__all__ = ["Builder", "is_enacting"]
