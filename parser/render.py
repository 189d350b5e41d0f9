"""Provision trees back to text: for people (outline, provision text) and for round trips.

``provision_text`` is what the store keeps and the CLI prints for one provision: the unit as a
lawyer reads it, marker first, children after ("Artículo 57.- ...\\nI. ...\\nII. ...").
``outline`` is the indented table of contents ``dof-tracker parse`` prints. ``render_document``
writes a whole statute in the shape ``parse_statute`` reads, Cámara notes included, so that
``parse_statute(render_document(doc)) == doc`` (checked by property tests).
"""

from __future__ import annotations

from datetime import date

from .model import CONTAINER_KINDS, Annotation, Document, Kind, Provision, Status

_CONTAINER_WORD = {Kind.LIBRO: "LIBRO", Kind.TITULO: "TÍTULO", Kind.CAPITULO: "CAPÍTULO",
                   Kind.SECCION: "SECCIÓN"}
_OUTLINE_WORD = {Kind.LIBRO: "Libro", Kind.TITULO: "Título", Kind.CAPITULO: "Capítulo",
                 Kind.SECCION: "Sección", Kind.ARTICULO: "Artículo", Kind.TRANSITORIO: "Transitorio",
                 Kind.APARTADO: "Apartado", Kind.FRACCION: "Fracción", Kind.INCISO: "Inciso",
                 Kind.NUMERAL: "Numeral", Kind.PARRAFO: "Párrafo"}
# Nouns of Cámara notes, and whether the participle that follows them is feminine.
_NOTE_NOUN = {"articulo": ("Artículo", False), "parrafo": ("Párrafo", False),
              "fraccion": ("Fracción", True), "inciso": ("Inciso", False),
              "numeral": ("Numeral", False), "apartado": ("Apartado", False),
              "capitulo": ("Capítulo", False), "seccion": ("Sección", True),
              "titulo": ("Título", False), "libro": ("Libro", False)}


def marker(provision: Provision) -> str:
    """The marker a unit's first line starts with: 'Artículo 57 Bis.-', 'III.', 'a)'."""
    kind, number = provision.kind, provision.number
    if kind is Kind.ARTICULO:
        return f"Artículo {number}.-"
    if kind is Kind.TRANSITORIO:
        return f"Artículo {number}.-" if number[:1].isdigit() else f"{number}.-"
    if kind is Kind.FRACCION:
        return f"{number}."
    if kind is Kind.INCISO:
        return f"{number})"
    if kind is Kind.NUMERAL:
        return f"{number}."
    if kind is Kind.APARTADO:
        return f"Apartado {number}."
    return ""


def _first_line(provision: Provision) -> str:
    own = provision.heading if provision.kind is Kind.APARTADO and provision.heading else provision.text
    return " ".join(part for part in (marker(provision), own) if part)


def provision_text(provision: Provision) -> str:
    """The full text of a provision with its children, as a lawyer reads it.

    An article's first paragraph follows its marker on the same line; containers show their
    heading; Cámara notes are history, not text, and are left out.
    """
    return "\n".join(_text_lines(provision))


def _text_lines(provision: Provision) -> list[str]:
    kind = provision.kind
    if kind in CONTAINER_KINDS:
        lines = [f"{_CONTAINER_WORD[kind]} {provision.number}"]
        if provision.heading:
            lines.append(provision.heading)
        for child in provision.children:
            lines.extend(_text_lines(child))
        return lines
    if kind is Kind.PARRAFO:
        return [provision.text]
    children = list(provision.children)
    first = _first_line(provision)
    if kind in (Kind.ARTICULO, Kind.TRANSITORIO) and not provision.text and children \
            and children[0].kind is Kind.PARRAFO and children[0].number == "1":
        first = f"{first} {children.pop(0).text}"
    lines = [first]
    for child in children:
        lines.extend(_text_lines(child))
    return lines


def _note_lines(provision: Provision) -> list[str]:
    """Cámara notes of one provision: one line per unit noun, later verbs chained as printed."""
    lines: list[str] = []
    previous = None
    for annotation in provision.annotations:
        if lines and annotation.unit == previous:
            lines[-1] = f"{lines[-1]}. {_note_segment(annotation, first=False)}"
        else:
            lines.append(_note_segment(annotation, first=True))
        previous = annotation.unit
    return lines


def _gendered(verb: str, feminine: bool) -> str:
    return " ".join(word[:-1] + "a" if feminine and word.endswith("o") else word for word in verb.split())


def _note_segment(annotation: Annotation, first: bool) -> str:
    noun, feminine = _NOTE_NOUN.get(annotation.unit, (annotation.unit.capitalize(), False))
    verb = _gendered(annotation.verb, feminine)
    dates = ", ".join(_dof_date(d) for d in annotation.dates)
    head = f"{noun} {verb}" if first else verb.capitalize()
    tail = f" {annotation.note}" if annotation.note else ""
    return f"{head} DOF {dates}{tail}"


def _dof_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def render_document(document: Document) -> str:
    """A whole statute as text ``parse_statute`` reads back into the same tree."""
    blocks: list[str] = []
    transitorios = False
    for provision in document.provisions:
        if provision.kind is Kind.TRANSITORIO and not transitorios:
            blocks.append("TRANSITORIOS")
            transitorios = True
        blocks.extend(_render(provision))
    return "\n\n".join(blocks) + "\n"


def _render(provision: Provision) -> list[str]:
    kind = provision.kind
    if kind in CONTAINER_KINDS:
        blocks = [f"{_CONTAINER_WORD[kind]} {provision.number}"]
        if provision.heading:
            blocks.append(provision.heading)
        blocks.extend(_note_lines(provision))
        for child in provision.children:
            blocks.extend(_render(child))
        return blocks
    if kind is Kind.PARRAFO:
        return [provision.text, *_note_lines(provision)]
    children = list(provision.children)
    first = _first_line(provision)
    blocks = []
    if kind in (Kind.ARTICULO, Kind.TRANSITORIO) and not provision.text and children \
            and children[0].kind is Kind.PARRAFO and children[0].number == "1":
        par = children.pop(0)
        blocks.append(f"{first} {par.text}")
        blocks.extend(_note_lines(par))
    else:
        blocks.append(first)
    for child in children:
        blocks.extend(_render(child))
    blocks.extend(_note_lines(provision))
    return blocks


def _summary(text: str, width: int = 72) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"


def _history(provision: Provision) -> str:
    if not provision.annotations:
        return ""
    last = provision.annotations[-1]
    when = last.dates[-1].isoformat() if last.dates else ""
    return f"  ({last.verb} {when})".rstrip() + ("" if when else ")")


def outline(document: Document) -> str:
    """An indented outline of the statute a lawyer can scan: units, labels, first words."""
    lines = [document.title or "(sin título)", ""]
    for provision in document.provisions:
        _outline(provision, 0, lines)
    return "\n".join(lines) + "\n"


def _outline(provision: Provision, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    word = _OUTLINE_WORD[provision.kind]
    if provision.kind is Kind.PARRAFO:
        title = f"¶{provision.number}"
    elif provision.kind is Kind.INCISO:
        title = f"{provision.number})"
    elif provision.kind in (Kind.FRACCION, Kind.NUMERAL):
        title = f"{provision.number}."
    else:
        title = f"{word} {provision.number}"
    words = provision.heading or provision.text
    if provision.kind in (Kind.ARTICULO, Kind.TRANSITORIO) and not words and provision.children:
        first = provision.children[0]
        words = first.text if first.kind is Kind.PARRAFO else ""
    status = "  [derogado]" if provision.status is Status.DEROGADO else ""
    body = f"  {_summary(words)}" if words else ""
    lines.append(f"{pad}{title}{body}{status}{_history(provision)}  <{provision.label}>")
    children = list(provision.children)
    if provision.kind in (Kind.ARTICULO, Kind.TRANSITORIO) and children and not provision.text \
            and children[0].kind is Kind.PARRAFO and children[0].number == "1" \
            and not children[0].annotations and children[0].status is Status.VIGENTE:
        children.pop(0)  # its first words are on the article's line already
    for child in children:
        _outline(child, depth + 1, lines)


__all__ = ["marker", "outline", "provision_text", "render_document"]
