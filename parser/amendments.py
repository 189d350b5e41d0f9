"""Amending instruments: text -> operative articles (instructions + new text) and transitorios.

A DOF amending instrument - DECRETO, ACUERDO, "MODIFICACIÓN al Estatuto …", RESOLUCIÓN - has
a title, a preamble, one operative article per instrument it amends ("ARTÍCULO ÚNICO.- Se
REFORMAN …, para quedar como sigue:", or "ÚNICO.- Se …" in agency instruments), the new text
after each, TRANSITORIOS and a signature block (grammar §2). ``parse_amendment`` cuts it along
those lines using engineer A's ``classify_lines``; ``parser.clauses`` reads each clause and
``parser.body`` each body. ``parser.resolve`` then settles, against the base text, what only the
base can tell: which paragraph is "el último", which chapter "el Capítulo IV" is, and which
targets do not exist at all (reported, not dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from errors import AmendmentError

from .act_dates import act_date, act_named
from .body import BodyUnit, as_transitorios, build_body
from .clause_check import unread_numbers
from .clauses import operative_subject_clause, read_clause, split_instrument
from .decode import decode_bytes
from .directives import Directive
from .html import html_to_text, looks_like_html
from .lines import Line, LineKind, classify_lines
from .model import (
    Finding,
    FindingKind,
    Kind,
)
from .print_layout import printed_text
from .resolve import alias_top_level, resolve_directives, resolve_label
from .transitorios import EntryIntoForce, Transitorio, entry_into_force, read_transitorios

_OPERATIVE_RE = re.compile(
    r"^Se\s+(?:declara[n]?\s+)?(?:reforma|adiciona|deroga|modifica|abroga|expide|renumera)",
    re.IGNORECASE)
_TITLE_RE = re.compile(
    r"^(?:DECRETO|ACUERDO|MODIFICACI[ÓO]N|RESOLUCI[ÓO]N|REFORMA|ADICI[ÓO]N|LINEAMIENTOS|REGLAS"
    r"|ESTATUTO|REGLAMENTO|NORMA|CONVOCATORIA|AVISO)\b\s+[a-záéíóúñ]")


@dataclass(frozen=True, slots=True)
class OperativeArticle:
    """One operative article: its clause, the instrument it amends, its orders and new text."""

    head: str
    clause: str
    instrument: str
    directives: tuple[Directive, ...]
    body: tuple[BodyUnit, ...]


@dataclass(frozen=True, slots=True)
class Amendment:
    """A whole amending instrument, read."""

    title: str
    articles: tuple[OperativeArticle, ...]
    transitorios: tuple[Transitorio, ...]
    entry_into_force: EntryIntoForce
    findings: tuple[Finding, ...] = field(default=(), compare=False)  # what the print left


# "ARTÍCULO ÚNICO.- Se …", and with the separator lost in a conversion, "ARTÍCULO ÚNICO Se …"
_PARAGRAPH_HEAD_RE = re.compile(
    r"^(?:ART[ÍI]CULO|Art[íi]culo)\s+(?:\S+\s*[.:–—-]+\s*|[^\W\d]+\s+)(?=Se\s)")


def _is_operative(line: Line) -> bool:
    if line.kind not in (LineKind.ARTICLE, LineKind.PARAGRAPH):
        return False
    if line.kind is LineKind.PARAGRAPH:
        return bool(_PARAGRAPH_HEAD_RE.match(line.text)) \
            and _OPERATIVE_RE.search(line.text.split("Se ", 1)[-1].join(("Se ", ""))) is not None
    if line.number[:1].isdigit():
        # "ARTICULO 1o.- Se reforman los artículos 77, 78 … del Código Civil …, para quedar en
        # la forma que a continuación se expresa." (older decrees): a whole clause, ordering new
        # text, not a restated article that says "Se deroga."
        return _OPERATIVE_RE.match(line.text) is not None and \
            _NUMBERED_CLAUSE_RE.search(line.text) is not None and \
            _CLAUSE_END_RE.search(line.text) is not None
    return _is_operative_text(line.text)


_NUMBERED_CLAUSE_RE = re.compile(r"\b(?:art[íi]culos?|fracci[oó]n(?:es)?|p[áa]rrafos?|incisos?)\s",
                                 re.IGNORECASE)


def _is_operative_text(text: str) -> bool:
    """'Se reforma …', or the authority as subject: 'La Secretaría …, modifica …, para quedar
    como sigue:' (``parser.clauses.main_verb``)."""
    return _OPERATIVE_RE.match(text) is not None or operative_subject_clause(text)


_EMBEDDED_HEAD_RE = re.compile(
    r"\s(?=(?:ART[ÍI]CULO|Art[íi]culo)\s+[^\W\d]+(?:\s+[^\W\d]+)?\s*[.:-]+\s*"
    r"(?P<clause>\S))")
_CLAUSE_END_RE = re.compile(   # "para quedar como sigue:", also "PARA QUEDAR COMO SIGUE:"
    r"para\s+quedar\s+(?:como\s+sigue|en\s+(?:la|los)\s+(?:forma|t[eé]rminos)[^:.]*)\s*[:.]",
    re.IGNORECASE)


def _unflatten(text: str) -> str:
    """Text kept as one line (a scraper's body text): break out the operative articles.

    Each embedded 'ARTÍCULO ÚNICO. …, para quedar como sigue:' whose clause is operative gets
    lines of its own, and so does a TRANSITORIO(S) heading after the last of them, so the
    clause, the new text and the transitorios are cut as in a text with its lines.
    """
    cuts: list[tuple[int, int]] = []
    for match in _EMBEDDED_HEAD_RE.finditer(text):
        start = match.start("clause")
        tail = _CLAUSE_END_RE.search(text, start)
        if tail is not None and _is_operative_text(text[start:tail.end()]):
            cuts.append((match.end(), tail.end()))
    if not cuts:
        return text
    pieces: list[str] = []
    position = 0
    for head, end in cuts:
        pieces.extend((text[position:head].rstrip(), "\n", text[head:end], "\n"))
        position = end
    rest = re.sub(r"\s+(TRANSITORIOS?)\s+", r"\n\1\n", text[position:].lstrip(), count=1)
    return "".join(pieces) + rest


def _title(lines: tuple[Line, ...]) -> str:
    for line in lines:
        if line.kind is LineKind.PARAGRAPH and _TITLE_RE.match(line.text):
            return line.text.strip()
    return ""


def parse_amendment(text: str) -> Amendment:
    """Cut an amending instrument into its operative articles and transitorios.

    An operative clause opens with "Se reforma/adiciona/deroga …" or, in acuerdos, with the
    issuing authority as subject ("La Secretaría …, modifica …, para quedar como sigue:"); a text
    kept as one line has its operative articles broken out first (``_unflatten``). Raises
    ``AmendmentError`` when there is none: without it nothing can be said about what the
    instrument changes. The text may come as any converter printed it (``parser.print_layout``).
    """
    printed = printed_text(text)
    text = printed.text
    lines = classify_lines(text)
    starts = [i for i, line in enumerate(lines) if _is_operative(line)]
    if not starts:
        lines = classify_lines(_unflatten(text))
        starts = [i for i, line in enumerate(lines) if _is_operative(line)]
    if not starts:
        # "Se modifican las Disposiciones 5, … , para quedar como sigue:" with no "ÚNICO.-" before
        # it (the CFE's Modificación of 1 April 2024): a whole paragraph that is one clause
        starts = [i for i, line in enumerate(lines) if line.kind is LineKind.PARAGRAPH and
                  _OPERATIVE_RE.match(line.text) and _CLAUSE_END_RE.search(line.text[-40:])]
    if not starts:
        raise AmendmentError("no se encontró la cláusula que ordena los cambios («ARTÍCULO ÚNICO.- Se "
                             "reforma …»)")
    end_of_bodies = _end_of_bodies(lines, starts[-1])
    read = [_read_article(lines[start], lines[start + 1:stop])
            for start, stop in zip(starts, [*starts[1:], end_of_bodies], strict=True)]
    errors = [error for _, error in read if error is not None]
    if len(errors) == len(read):
        raise errors[0]                 # no clause read: nothing can be said about the changes
    transitorios = _with_act(read_transitorios(lines[end_of_bodies + 1:]), text) \
        if end_of_bodies < len(lines) and lines[end_of_bodies].kind is \
        LineKind.TRANSITORIOS_HEADING else ()
    unread = tuple(_unread(lines[start], error, article)
                   for start, (article, error) in zip(starts, read, strict=True)
                   if error is not None or unread_numbers(article.clause, article.directives))
    return Amendment(_title(lines), tuple(article for article, _ in read), transitorios,
                     entry_into_force(transitorios), (*printed.findings, *unread))


def _with_act(transitorios: tuple[Transitorio, ...], text: str) -> tuple[Transitorio, ...]:
    """Transitorios counting from the instrument's own approval or signing carry its day
    (``parser.act_dates``)."""
    if not any(act_named(t.text) for t in transitorios):
        return transitorios
    act = act_date(text)
    return tuple(replace(t, act=act) for t in transitorios)


def _read_article(line: Line, body: tuple[Line, ...]
                  ) -> tuple[OperativeArticle, AmendmentError | None]:
    """One operative article; a clause the grammar cannot read is kept with no orders and no
    text (its new text is not applied: nothing is guessed), and its error goes with it as a
    finding: one unreadable clause does not refuse the decree's other articles."""
    try:
        return _operative_article(line, body), None
    except AmendmentError as error:
        clause = _without_head(_joined_clause(line.text, body)[0])
        head = line.raw[: max(0, len(line.raw) - len(line.text))].strip(" .-:")
        return OperativeArticle(head, clause, split_instrument(clause)[1], (), ()), error


def _unread(line: Line, error: AmendmentError | None, article: OperativeArticle) -> Finding:
    if error is None:                   # read, but some number of it is in no target
        numbers = ", ".join(f"«{n}»" for n in unread_numbers(article.clause, article.directives))
        return Finding(FindingKind.UNREADABLE,
                       f"en la cláusula operativa, {numbers} no forma parte de ningún destino "
                       f"leído; esa orden no se aplica", line.lineno)
    return Finding(FindingKind.UNREADABLE,
                   f"cláusula operativa que no se pudo leer; sus órdenes no se aplican: {error}",
                   line.lineno)


def _without_head(clause: str) -> str:
    return re.sub(r"^(?:ART[ÍI]CULO|Art[íi]culo)\s+(?:\S+\s*[.:–—-]+\s*|[^\W\d]+\s+(?=Se\s))", "",
                  clause)


def _end_of_bodies(lines: tuple[Line, ...], start: int) -> int:
    """Where the last body ends: the decree's own TRANSITORIOS heading, else its signature.

    A body may hold TRANSITORIOS headings of its own: the transitorios a clause amends, restated
    under their heading ("Transitorios / Primero.- … / Segundo.- …"), a new law's own, or an
    index of the instrument restated ("Contenido … ARTÍCULOS TRANSITORIOS", IMSS-BIENESTAR's
    Bases, DOF 18/03/2024). The decree's own are the last heading before its signature.
    """
    headings: list[int] = []
    for index in range(start + 1, len(lines)):
        kind = lines[index].kind
        if kind is LineKind.SIGNATURE:
            return headings[-1] if headings else index
        if kind is LineKind.TRANSITORIOS_HEADING:
            headings.append(index)
    return headings[-1] if headings else len(lines)


def _amends_transitorios(directives: tuple[Directive, ...]) -> bool:
    return bool(directives) and all(
        d.target and d.target[-1][0] is Kind.TRANSITORIO for d in directives)


def _operative_article(line: Line, body: tuple[Line, ...]) -> OperativeArticle:
    clause, body = _joined_clause(line.text, body)
    clause = _without_head(clause)
    instrument, directives = read_clause(clause)
    head = line.raw[: max(0, len(line.raw) - len(line.text))].strip(" .-:")
    units = build_body(body)
    if _amends_transitorios(tuple(directives)):
        units = as_transitorios(units)
    return OperativeArticle(head, clause, instrument, tuple(directives), units)


# Where a clause cannot stop: after a comma, a preposition or article, or a locator noun still
# waiting for its number ("… la fracción II del artículo" / "57 de la Ley A, para quedar …").
_OPEN_CLAUSE_END = re.compile(
    r"(?:,|\b(?:de|del|la|las|el|los|y|e|o|a|al|en|que|se|para|art[íi]culos?|fracci[oó]n(?:es)?"
    r"|p[áa]rrafos?|incisos?|numerales?|apartados?|transitorios?))\s*$", re.IGNORECASE)


def _joined_clause(text: str, body: tuple[Line, ...]) -> tuple[str, tuple[Line, ...]]:
    """A clause cut by a page or line break ('… el subnumeral i al' / 'inciso a) del …', '… del
    artículo' / '57 de la Ley …') goes on in the lines after it that continue its sentence (in
    lower case, or after a word a sentence cannot end with), until it ends with ':' or '.'."""
    taken = 0
    while taken < len(body) and not re.search(r"(?:[:.]|como\s+sigue)\s*$", text) and \
            body[taken].kind is LineKind.PARAGRAPH and \
            (body[taken].text[:1].islower() or _OPEN_CLAUSE_END.search(text) is not None):
        text = f"{text} {body[taken].text}"
        taken += 1
    return text, body[taken:]


def read_amendment_text(data: bytes, name: str = "") -> str:
    """Bytes of an amending instrument (plain text or the HTML of a DOF note) -> its text."""
    where = f"{name}: " if name else ""
    if not data.strip():
        raise AmendmentError(f"{where}el archivo está vacío")
    text = decode_bytes(data)
    if looks_like_html(text):
        title, body = html_to_text(text)
        return body if not title or title in body else f"{title}\n{body}"
    return text


__all__ = ["Amendment", "OperativeArticle", "alias_top_level", "parse_amendment",
           "read_amendment_text", "resolve_directives", "resolve_label"]
