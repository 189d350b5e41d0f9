"""Amending instruments: text -> operative articles (instructions + new text) and transitorios.

A DOF amending instrument - DECRETO, ACUERDO, "MODIFICACIÓN al Estatuto …", RESOLUCIÓN - has
a title, a preamble, one operative article per instrument it amends ("ARTÍCULO ÚNICO.- Se
REFORMAN …, para quedar como sigue:", or "ÚNICO.- Se …" in agency instruments), the new text
after each, TRANSITORIOS and a signature block (grammar §2). ``parse_amendment`` cuts it along
those lines using engineer A's ``classify_lines``; ``parser.clauses`` reads each clause and
``parser.body`` each body. ``resolve`` then settles, against the base text, what only the base
can tell: which paragraph is "el último", which chapter "el Capítulo IV" is, and which targets
do not exist at all (reported, not dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from errors import AmendmentError

from . import labels
from .body import BodyUnit, as_transitorios, build_body
from .clauses import operative_subject_clause, read_clause
from .decode import decode_bytes
from .directives import RELATIVE_PARAGRAPHS, Directive
from .html import html_to_text, looks_like_html
from .lines import Line, LineKind, classify_lines
from .model import (
    CONTAINER_KINDS,
    Document,
    Finding,
    Instruction,
    Kind,
    Provision,
    Status,
    Verb,
)
from .print_layout import printed_text
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


def _is_operative(line: Line) -> bool:
    if line.kind not in (LineKind.ARTICLE, LineKind.PARAGRAPH):
        return False
    if line.kind is LineKind.PARAGRAPH:
        return bool(re.match(r"^(?:ART[ÍI]CULO|Art[íi]culo)\s+\S+\s*[.:-]+\s*Se\s", line.text)) \
            and _OPERATIVE_RE.search(line.text.split("Se ", 1)[-1].join(("Se ", ""))) is not None
    return not line.number[:1].isdigit() and _is_operative_text(line.text)


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
        raise AmendmentError("no operative clause ('ARTÍCULO ÚNICO.- Se reforma …') found")
    articles = [_operative_article(lines[start], lines[start + 1:stop])
                for start, stop in zip(starts, starts[1:], strict=False)]
    end_of_bodies = _end_of_bodies(lines, starts[-1])
    last = _operative_article(lines[starts[-1]], lines[starts[-1] + 1:end_of_bodies])
    if (later := _end_of_bodies(lines, starts[-1], last)) != end_of_bodies:
        end_of_bodies = later       # its body restates transitorios under their own heading
        last = _operative_article(lines[starts[-1]], lines[starts[-1] + 1:end_of_bodies])
    articles.append(last)
    transitorios = read_transitorios(lines[end_of_bodies + 1:]) \
        if end_of_bodies < len(lines) and lines[end_of_bodies].kind is \
        LineKind.TRANSITORIOS_HEADING else ()
    return Amendment(_title(lines), tuple(articles), transitorios,
                     entry_into_force(transitorios), printed.findings)


def _end_of_bodies(lines: tuple[Line, ...], start: int,
                   last: OperativeArticle | None = None) -> int:
    """Where the last body ends: the decree's TRANSITORIOS heading (or its signature).

    A clause that amends transitorios may restate them under a heading of their own
    ("Transitorios / Primero.- … / Segundo.- …"): when the last clause does, and a second
    heading follows before the signature, the decree's own transitorios are the last one.
    """
    ends = [i for i in range(start + 1, len(lines))
            if lines[i].kind in (LineKind.TRANSITORIOS_HEADING, LineKind.SIGNATURE)]
    if not ends:
        return len(lines)
    if last is None or not _amends_transitorios(last.directives):
        return ends[0]
    headings = []
    for i in ends:
        if lines[i].kind is LineKind.SIGNATURE:
            break
        headings.append(i)
    return headings[-1] if len(headings) > 1 else ends[0]


def _amends_transitorios(directives: tuple[Directive, ...]) -> bool:
    return bool(directives) and all(
        d.target and d.target[-1][0] is Kind.TRANSITORIO for d in directives)


def _operative_article(line: Line, body: tuple[Line, ...]) -> OperativeArticle:
    clause, body = _joined_clause(line.text, body)
    clause = re.sub(r"^(?:ART[ÍI]CULO|Art[íi]culo)\s+\S+\s*[.:-]+\s*", "", clause)
    instrument, directives = read_clause(clause)
    head = line.raw[: max(0, len(line.raw) - len(line.text))].strip(" .-:")
    units = build_body(body)
    if _amends_transitorios(tuple(directives)):
        units = as_transitorios(units)
    return OperativeArticle(head, clause, instrument, tuple(directives), units)


def _joined_clause(text: str, body: tuple[Line, ...]) -> tuple[str, tuple[Line, ...]]:
    """A clause cut by a page or line break ('… el subnumeral i al' / 'inciso a) del …') goes
    on in the lower-case lines after it, until it ends with ':' or '.'."""
    taken = 0
    while taken < len(body) and not re.search(r"(?:[:.]|como\s+sigue)\s*$", text) and \
            body[taken].kind is LineKind.PARAGRAPH and body[taken].text[:1].islower():
        text = f"{text} {body[taken].text}"
        taken += 1
    return text, body[taken:]


def read_amendment_text(data: bytes, name: str = "") -> str:
    """Bytes of an amending instrument (plain text or the HTML of a DOF note) -> its text."""
    where = f"{name}: " if name else ""
    if not data.strip():
        raise AmendmentError(f"{where}the file is empty")
    text = decode_bytes(data)
    if looks_like_html(text):
        title, body = html_to_text(text)
        return body if not title or title in body else f"{title}\n{body}"
    return text


# --- resolving against a base ----------------------------------------------------------------
def _paragraphs(provision: Provision) -> list[Provision]:
    return [c for c in provision.children if c.kind is Kind.PARRAFO]


def resolve_label(label: str, base: Document, index: dict[str, Provision],
                  adding: bool = False) -> str:
    """A directive's label in the base's terms; ``AmendmentError`` if it cannot be settled."""
    label = alias_top_level(label, index, adding)
    parent, _, last = label.rpartition("__")
    prefix, _, number = last.partition("_")
    if prefix == "par" and number in RELATIVE_PARAGRAPHS.values():
        holder = index.get(parent)
        if holder is None:
            raise AmendmentError(f"{label}: {parent} is not in the base")
        paragraphs = _paragraphs(holder)
        first = 1 if holder.kind is Kind.ARTICULO or not holder.text else 2
        back = {"ultimo": 0, "penultimo": 1, "antepenultimo": 2}[number]
        if len(paragraphs) <= back:
            raise AmendmentError(f"{label}: {parent} has only {len(paragraphs)} paragraphs")
        return f"{parent}__par_{first + len(paragraphs) - 1 - back}"
    if prefix == "par" and number == "1" and parent in index and \
            index[parent].kind not in (Kind.ARTICULO, Kind.TRANSITORIO) and \
            index[parent].kind not in CONTAINER_KINDS and label not in index:
        return parent                  # "fracción I, primer párrafo": the fracción's own text
    if prefix == "par" and parent in index and label not in index and number.isdigit():
        after_list = _paragraph_after_last_unit(parent, int(number), index)
        if after_list:
            return after_list
    kind = labels.KIND_OF_PREFIX.get(label.partition("_")[0])
    if kind in CONTAINER_KINDS and label not in index:
        found = [k for k, p in index.items() if p.kind in CONTAINER_KINDS and
                 (k == label or k.endswith("__" + label))]
        if len(found) == 1:
            return found[0]
    return label


# Top-level units an agency names with its own word: "sección III" of a convocatoria whose text
# shows "III.", "lineamiento Quinto" / "Disposición 5" of texts that show "QUINTO.-" / "5.".
_TOP_ALIAS_KINDS = frozenset({Kind.ARTICULO, Kind.NUMERAL, Kind.APARTADO, Kind.SECCION})


def alias_top_level(label: str, index: dict[str, Provision], adding: bool = False) -> str:
    """``label`` with its top-level part retargeted to the base's unit of the same number.

    Agencies name the top-level units of their instruments with their own word ("sección III",
    "lineamiento Quinto", "Disposición 5", "regla 3") while the text shows only "III." or
    "QUINTO.-", which the statute parser reads as an apartado, numeral or artículo. When the
    base lacks the unit the clause names but has exactly one top-level unit with the same
    number (by value: 3 = III = Tercero; qualifiers equal) of another of those kinds, the
    directive means that unit: ``sec_3__apt_a__inc_a`` -> ``apt_iii__apt_a__inc_a``. A unit
    being added (``adding``) joins the base's one top-level list (``_new_in_list``). Only the
    top-level part changes; anything ambiguous or absent is left as written (and reported).
    """
    top, sep, rest = label.partition("__")
    kind = labels.KIND_OF_PREFIX.get(top.partition("_")[0])
    if kind not in _TOP_ALIAS_KINDS or top in index or \
            any(key.endswith(f"__{top}") for key in index if kind in CONTAINER_KINDS):
        return label                    # there, or a sección inside a capítulo (resolved below)
    wanted = _number_value(top.partition("_")[2], roman=True)
    if wanted is None:
        return label
    roman_apartados = _roman_apartados(index)
    found = [key for key, unit in index.items() if "__" not in key and key != top and
             unit.kind in _TOP_ALIAS_KINDS and not _holds_articles(unit) and
             _number_value(key.partition("_")[2], roman=unit.kind is not Kind.APARTADO
                           or roman_apartados) == wanted]
    if len(found) == 1:
        return f"{found[0]}{sep}{rest}"
    return _new_in_list(label, kind, wanted, index, roman_apartados) if adding else label


def _holds_articles(unit: Provision) -> bool:
    """A sección that holds artículos is a container of a law, never another name of a unit."""
    return any(child.kind is Kind.ARTICULO for child in unit.children)


def _new_in_list(label: str, kind: Kind, wanted: tuple[int, str], index: dict[str, Provision],
                 roman_apartados: bool) -> str:
    """'se adiciona la sección V' to a convocatoria whose top level is 'I.' to 'IV.': a unit of
    the base's one top-level list (apt_v), when the base has no top-level unit of the clause's
    kind at all. A base with several top-level kinds, or lettered apartados, keeps the label."""
    top, sep, rest = label.partition("__")
    kinds = {unit.kind for key, unit in index.items()
             if "__" not in key and unit.kind in _TOP_ALIAS_KINDS}
    if len(kinds) != 1 or kind in kinds:
        return label
    (base_kind,) = kinds
    if base_kind is Kind.APARTADO and not roman_apartados:
        return label
    value, qualifiers = wanted
    number = labels.int_to_roman(value).lower() if base_kind is Kind.APARTADO else str(value)
    number = f"{number}-{qualifiers}" if qualifiers else number
    return f"{labels.PREFIX[base_kind]}_{number}{sep}{rest}"


def _roman_apartados(index: dict[str, Provision]) -> bool:
    """Are the top-level apartados numbered in Roman numerals ('apt_iv'), not letters ('apt_b')?"""
    heads = [key.partition("_")[2].partition("-")[0] for key, unit in index.items()
             if "__" not in key and unit.kind is Kind.APARTADO]
    return bool(heads) and all(re.fullmatch(r"[ivxlc]+", head) for head in heads)


def _number_value(number: str, roman: bool) -> tuple[int, str] | None:
    """(value, qualifiers) of a label number: '3' and 'iii' -> (3, ''), '7-bis' -> (7, 'bis')."""
    head, _, qualifiers = number.partition("-")
    if head.isdigit():
        return int(head), qualifiers
    if roman and re.fullmatch(r"[ivxlc]+", head):
        try:
            return labels.roman_to_int(head), qualifiers
        except ValueError:
            return None
    return None


def _paragraph_after_last_unit(unit_label: str, number: int,
                               index: dict[str, Provision]) -> str | None:
    """'fracción II, segundo párrafo' where II is the article's last fracción.

    A paragraph after the last fracción of an article is, by the tree's rule (DESIGN §1.2),
    the article's own; a decree may still call it the fracción's. Both name the same text.
    """
    unit = index[unit_label]
    article_label = unit_label.rpartition("__")[0]
    article = index.get(article_label)
    if article is None or unit.kind is Kind.PARRAFO:
        return None
    numbered = [i for i, c in enumerate(article.children) if c.kind is unit.kind]
    if not numbered or article.children[numbered[-1]].label != unit_label:
        return None
    after = [c for c in article.children[numbered[-1] + 1:] if c.kind is Kind.PARRAFO]
    wanted = number - 2          # the fracción's own text is its first paragraph
    return after[wanted].label if 0 <= wanted < len(after) else None


def resolve_directives(directives: tuple[Directive, ...] | list[Directive],
            base: Document) -> tuple[tuple[Instruction, ...], tuple[tuple[str, str], ...]]:
    """Instructions in the base's labels, and (label, problem) pairs for what does not fit."""
    index = base.index()
    instructions: list[Instruction] = []
    problems: list[tuple[str, str]] = []
    moved_away = {d.label for d in directives if d.verb is Verb.RENUMERA}
    for directive in directives:
        if not directive.target:
            instructions.append(Instruction(directive.verb, "", None, directive.source))
            continue
        try:
            target = resolve_label(directive.label, base, index,
                                   adding=directive.verb is Verb.ADICIONA)
        except AmendmentError as exc:
            problems.append((directive.label, str(exc)))
            target = directive.label
        new_label = directive.new_label and alias_top_level(directive.new_label, index, True)
        instructions.append(Instruction(directive.verb, target, new_label, directive.source))
        problem = _check(directive.verb, target, index, moved_away)
        if problem:
            problems.append((target, problem))
    return tuple(instructions), tuple(problems)


def _check(verb: Verb, target: str, index: dict[str, Provision], moved_away: set[str]) -> str:
    if verb in (Verb.REFORMA, Verb.DEROGA, Verb.RENUMERA) and target not in index:
        return f"the instrument orders 'se {verb}' on {target}, which the base does not have"
    last = target.rpartition("__")[2]
    existing = index.get(target)
    if verb is Verb.ADICIONA and existing is not None and not last.startswith("par_") \
            and existing.status is Status.VIGENTE and target not in moved_away:
        return f"the instrument adds {target}, which the base already has in force"
    return ""


__all__ = ["Amendment", "OperativeArticle", "alias_top_level", "parse_amendment",
           "read_amendment_text", "resolve_directives", "resolve_label"]
