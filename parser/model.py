"""The frozen values every stage passes around: provisions, documents, instructions.

A statute is a tree of ``Provision`` nodes. Each node carries its canonical label (DESIGN.md
§1.2), its own text only (children carry theirs), and a Merkle ``digest`` over its comparable
content and its children's digests, so two versions can be compared subtree by subtree and
unchanged subtrees skipped without reading them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """The kinds of unit a Mexican statute is made of, outermost first."""

    LIBRO = "libro"
    TITULO = "titulo"
    CAPITULO = "capitulo"
    SECCION = "seccion"
    ARTICULO = "articulo"
    APARTADO = "apartado"
    PARRAFO = "parrafo"
    FRACCION = "fraccion"
    INCISO = "inciso"
    NUMERAL = "numeral"
    TRANSITORIO = "transitorio"


CONTAINER_KINDS = frozenset({Kind.LIBRO, Kind.TITULO, Kind.CAPITULO, Kind.SECCION})


class Status(StrEnum):
    VIGENTE = "vigente"
    DEROGADO = "derogado"
    ABROGADO = "abrogado"   # every provision of an abrogated instrument, from its abrogation


class Verb(StrEnum):
    """What an operative clause does to its target (the infinitive's third person, as decrees say)."""

    REFORMA = "reforma"
    ADICIONA = "adiciona"
    DEROGA = "deroga"
    RENUMERA = "renumera"
    ABROGA = "abroga"
    EXPIDE = "expide"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One line of a consolidated text's history note: 'Fracción reformada DOF 01-12-2004, ...'.

    ``unit`` is the noun the note names, folded ('fraccion', 'parrafo con fracciones'), and
    ``note`` keeps any qualifier or editorial words ('(antes fracción V)', 'Nota: ...').
    """

    verb: str
    dates: tuple[date, ...]
    unit: str = ""
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"verb": self.verb, "dates": [d.isoformat() for d in self.dates],
                "unit": self.unit, "note": self.note}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        return cls(data["verb"], tuple(date.fromisoformat(d) for d in data["dates"]),
                   data.get("unit", ""), data.get("note", ""))


_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'"})
_QUOTE_CHARS = re.compile("[“”«»„‘’]")


def comparable_text(text: str) -> str:
    """The form of a text that counts for change detection.

    Line wrapping, runs of white space, Unicode composition and quote style never amount to a
    legal change, so they are folded away here and nowhere else.

    >>> comparable_text("  “Se  deroga”\\n la fracción ")
    '"Se deroga" la fracción'
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text)
    if _QUOTE_CHARS.search(folded):  # str.translate is slow, and most texts have no such quote
        folded = folded.translate(_QUOTES)
    return " ".join(folded.split())  # the same white space as re's \s, at C speed


@dataclass(frozen=True, slots=True)
class Provision:
    """One unit of a statute: its label, what it is, its own text and its children."""

    label: str
    kind: Kind
    number: str = ""
    heading: str = ""
    text: str = ""
    status: Status = Status.VIGENTE
    annotations: tuple[Annotation, ...] = ()
    children: tuple[Provision, ...] = ()
    _digest: str = field(default="", init=False, repr=False, compare=False)

    @property
    def digest(self) -> str:
        """Merkle digest of this subtree, computed on first use and then kept.

        Parsing builds many trees that are never compared (or compared only down to the first
        equal digest), so hashing at construction would be paid for nothing.
        """
        digest = self._digest
        if not digest:
            digest = self._hash(self.children)
            object.__setattr__(self, "_digest", digest)  # memo on a frozen instance; same value
        return digest

    @property
    def own_digest(self) -> str:
        """Digest of this node's own content, children left out."""
        return self._hash(())

    def _hash(self, children: tuple[Provision, ...]) -> str:
        # One sha256 over kind, number, heading, text, status (each followed by \x1f), then each
        # child's label and digest: the same bytes as hashing them one by one, in one call.
        pieces = [self.kind, "\x1f", self.number, "\x1f", comparable_text(self.heading), "\x1f",
                  comparable_text(self.text), "\x1f", self.status, "\x1f"]
        for child in children:
            pieces.append(child.label)
            pieces.append(child.digest)
        return hashlib.sha256("".join(pieces).encode()).hexdigest()[:32]

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        extra = f", {len(self.children)} children" if self.children else ""
        flag = ", derogado" if self.status is Status.DEROGADO else ""
        return f"<Provision {self.label} {text!r}{flag}{extra}>"

    def walk(self) -> Iterator[Provision]:
        """This node and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": str(self.kind),
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "status": str(self.status),
            "annotations": [a.to_json() for a in self.annotations],
            "children": [c.to_json() for c in self.children],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Provision:
        return cls(
            label=data["label"],
            kind=Kind(data["kind"]),
            number=data.get("number", ""),
            heading=data.get("heading", ""),
            text=data.get("text", ""),
            status=Status(data.get("status", "vigente")),
            annotations=tuple(Annotation.from_json(a) for a in data.get("annotations", ())),
            children=tuple(cls.from_json(c) for c in data.get("children", ())),
        )


# One slot setter per field, in fields() order; unpacking fails loudly if the fields change.
(_set_label, _set_kind, _set_number, _set_heading, _set_text, _set_status, _set_annotations,
 _set_children, _set_digest) = (getattr(Provision, f.name).__set__ for f in fields(Provision))


def make_provision(label: str, kind: Kind, number: str, heading: str, text: str, status: Status,
                   annotations: tuple[Annotation, ...], children: tuple[Provision, ...]) -> Provision:
    """``Provision(...)`` for builders that freeze thousands of nodes at once.

    The dataclass __init__ of a frozen class goes through object.__setattr__ field by field (~2x
    the cost); this sets the slots directly. It sits next to the class so the two cannot drift
    apart, and makes values equal to the constructor's (tested).
    """
    provision: Provision = object.__new__(Provision)
    _set_label(provision, label)
    _set_kind(provision, kind)
    _set_number(provision, number)
    _set_heading(provision, heading)
    _set_text(provision, text)
    _set_status(provision, status)
    _set_annotations(provision, annotations)
    _set_children(provision, children)
    _set_digest(provision, "")
    return provision


class FindingKind(StrEnum):
    """What kind of doubt a reading left: each is shown, stored and counted, never silenced."""

    COLLISION = "collision"        # a unit number the text already used (a second one is kept apart)
    GAP = "gap"                    # numbering jumps: artículo 12 after 10, fracción IV after II
    ORDER = "order"                # numbering goes backwards: artículos, fracciones, incisos
    UNREADABLE = "unreadable"      # a line that could not be read as what it looks like
    FURNITURE = "furniture"        # page furniture (running headers, page counters) left in a text
    HEADING_IN_TEXT = "heading_in_text"  # a título/capítulo heading inside a provision's text
    ANNOTATION_IN_TEXT = "annotation_in_text"  # a Cámara history note inside a provision's text
    CONVERTER_TEXT = "converter_text"  # a converter's text or misreading ("fracci6n"), not the DOF's
    LINE_BREAKS = "line_breaks"    # a text without its line breaks, cut again at its units' markers
    TRUNCATED = "truncated"        # the text ends mid-sentence: the input itself looks cut
    CUT_SHORT = "cut_short"        # the statute seemed to end, but artículos or headings follow
    ENTRY_INTO_FORCE = "entry_into_force"  # a transitorio whose date or provisions could not be read


@dataclass(frozen=True, slots=True)
class Finding:
    """One doubt about a parsed text: a warning with its line number, never a refusal.

    ``line`` is the 1-based line of the input the doubt was raised on (None when it concerns
    the tree, not a line); ``label`` the provision it concerns, when there is one; ``message``
    is in Spanish, since legal teams read it.
    """

    kind: FindingKind
    message: str
    line: int | None = None
    label: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "message": self.message, "line": self.line,
                "label": self.label}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        return cls(FindingKind(data["kind"]), data["message"], data.get("line"), data.get("label"))

    def __str__(self) -> str:
        where = f"línea {self.line}: " if self.line is not None else ""
        what = f" [{self.label}]" if self.label else ""
        return f"{where}{self.message}{what}"


@dataclass(frozen=True, slots=True)
class Document:
    """A whole statute: its title, its top-level provisions in order, and what the reading doubted.

    ``findings`` are the warnings of the reading (collisions, gaps, unreadable lines) and of the
    structural check; they do not take part in equality, two readings of one text with the same
    provisions are the same document.
    """

    title: str
    provisions: tuple[Provision, ...]
    findings: tuple[Finding, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:
        return f"<Document {self.title!r}, {len(self.provisions)} top-level provisions>"

    def walk(self) -> Iterator[Provision]:
        for provision in self.provisions:
            yield from provision.walk()

    def index(self) -> dict[str, Provision]:
        """Every provision by label."""
        return {p.label: p for p in self.walk()}

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "provisions": [p.to_json() for p in self.provisions],
                "findings": [f.to_json() for f in self.findings]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(data["title"], tuple(Provision.from_json(p) for p in data["provisions"]),
                   tuple(Finding.from_json(f) for f in data.get("findings", ())))


@dataclass(frozen=True, slots=True)
class Instruction:
    """One thing an operative clause orders: 'se DEROGA la fracción IV del artículo 57'."""

    verb: Verb
    target: str
    new_label: str | None = None
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"verb": str(self.verb), "target": self.target, "new_label": self.new_label,
                "source": self.source}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Instruction:
        return cls(Verb(data["verb"]), data["target"], data.get("new_label"),
                   data.get("source", ""))


__all__ = [
    "CONTAINER_KINDS",
    "Annotation",
    "Document",
    "Finding",
    "FindingKind",
    "Instruction",
    "Kind",
    "Provision",
    "Status",
    "Verb",
    "comparable_text",
    "make_provision",
]
