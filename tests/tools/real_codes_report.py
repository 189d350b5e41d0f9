"""Print the census of the real Cámara codes, and what a person checks by eye.

    .venv/bin/python tests/tools/real_codes_report.py [CODE ...] [--labels] [--doubtful]
        [--outline LABEL ...] [--epigraphs]

``--doubtful`` lists the lines to read (article-like lines not taken as headings, headings out of
order, repeats); ``--labels`` and ``--epigraphs`` print the data of tests/real_codes_expected.py and
tests/real_codes_epigraphs.py in the form those modules record it; ``--outline`` prints a ``Spot``
literal for an article (its units, first and last words) to be read against the source.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: tests/ holds the tools package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.real_codes_census import (  # noqa: E402
    HEADING,
    SAMPLES,
    SOURCES,
    TRANSITORIO,
    census,
    clean_lines,
    containers,
    doubtful,
    fold,
    units,
)


def epigraphs(code: str, text: str) -> dict[str, str]:
    """cnpp's article and transitorio epigraphs: the rest of the heading line, and the next lines while
    they start in lowercase (a long epigraph wraps: 'Artículo 98. Solicitud de declaración de nulidad
    sobre actos ejecutados en contravención de las' / 'formalidades'); the text starts on the next line
    that opens with a capital (or '[', cnpp 3266)."""
    lines = text.split("\n")
    found = census(code, text)
    clean = list(clean_lines(lines, 0, found.transitorios[1] - 1))
    position = {index: k for k, (index, _) in enumerate(clean)}
    heads = [(h.label, h.line, HEADING.match(h.text)) for h in found.headings]
    heads += [(f"tra_{n}", line, TRANSITORIO.match(lines[line - 1]))
              for n, line in enumerate(found.transitorio_lines, start=1)]
    result: dict[str, str] = {}
    for label, line, match in heads:
        assert match is not None, line
        rest = lines[line - 1][match.end("n"):] if label.startswith("tra_") else match.group("rest")
        words = [rest.strip().lstrip(".").strip()]
        k = position[line - 1] + 1
        while k < len(clean) and clean[k][1][:1].islower():
            words.append(clean[k][1].strip())
            k += 1
        result[label] = " ".join(words)
    return result


_ANNOTATION = re.compile(
    r"(?:[A-ZÁÉÍÓÚ][a-záéíóú]+(?: (?:con|del?|la|el|[a-záéíóú]+))*? "
    r"(?:reformad|adicionad|derogad|recorrid|reubicad|renumerad|publicad|declarad|reestructurad)[oa]s?\b"
    r"|Fe de erratas|Reforma DOF|Nota:).*(?:DOF|\d{2}-\d{2}-\d{4})")
_CONTAINER = re.compile(r"(?:LIBRO|T[ÍI]TULO|CAP[ÍI]TULO|SECCI[ÓO]N|Secci[óo]n) ")
_FRACCION = re.compile(r"(?P<n>[IVXL]+(?:-[A-ZÑ])?(?: (?:Bis|Ter|Quáter))?)\s?\.-?\s")
_INCISO = re.compile(r"(?P<n>[a-zñ])\)\s")
_SUBITEM = re.compile(r"(?P<n>[ivx]+)\)\s")


@dataclass(frozen=True, slots=True)
class Outline:
    """What one article shows to the eye: its line, its units, its lines of text (heading included).

    ``units`` are labels relative to the article: ``frac_vi``, ``frac_vi__inc_a``, ``frac_vi__inc_a__num_ii``
    (an "i)" under an inciso is a subnumeral unless it follows inciso "h)").
    """

    line: int
    units: tuple[str, ...]
    lines: tuple[str, ...]


def _units(lines: Sequence[str]) -> tuple[str, ...]:
    units: list[str] = []
    fraccion = inciso = ""
    for line in lines:
        if (match := _FRACCION.match(line)) is not None:
            fraccion, inciso = "frac_" + fold(match.group("n")).replace(" ", "-"), ""
            units.append(fraccion)
        elif (match := _SUBITEM.match(line)) is not None and inciso and inciso != "inc_h":
            units.append("__".join(p for p in (fraccion, inciso, "num_" + match.group("n")) if p))
        elif (match := _INCISO.match(line)) is not None:
            inciso = "inc_" + fold(match.group("n"))
            units.append("__".join(p for p in (fraccion, inciso) if p))
    return tuple(units)


def outline(code: str, text: str, label: str) -> Outline:
    lines = text.split("\n")
    found = census(code, text)
    position = next(i for i, h in enumerate(found.headings) if h.label == label)
    start = found.headings[position].line - 1
    stop = (found.headings[position + 1].line - 1 if position + 1 < len(found.headings)
            else found.body[1] - 1)
    body: list[str] = []
    for _, line in clean_lines(lines, start, stop):
        if _CONTAINER.match(line):
            break  # the next título / capítulo opens before the next article
        if not _ANNOTATION.match(line):
            body.append(line)
    return Outline(start + 1, _units(body), tuple(body))


def spot_literal(code: str, text: str, label: str, words: int = 6) -> str:
    """A ``Spot(...)`` literal for tests/real_codes_expected.py, to be read against the source."""
    found = outline(code, text, label)
    heading = HEADING.match(found.lines[0])
    assert heading is not None
    body, epigraph = [heading.group("rest").strip(), *found.lines[1:]], ""
    if code == "cnpp":  # 'Artículo 211. Etapas del procedimiento penal': the line is the epigraph
        epigraph, body = body[0], body[1:]
    words_of = " ".join(line for line in body if line).split()
    return (f"Spot({label!r}, line={found.line}, heading={epigraph!r},\n"
            f"     starts={' '.join(words_of[:words])!r}, ends={' '.join(words_of[-words:])!r},\n"
            f"     units={found.units!r}),")


def _entry(key: str, value: str, width: int = 108) -> str:
    """``    'key': 'value',`` as a dict literal line, the value cut in two literals if it is too long."""
    line = f"    {key!r}: {value!r},"
    if len(line) <= width:
        return line
    cut = value.rindex(" ", 0, width - len(key) - 12)
    return f"    {key!r}: ({value[:cut + 1]!r}\n        {' ' * len(repr(key))}{value[cut + 1:]!r}),"


def format_labels(labels: Sequence[str], width: int = 104) -> str:
    """Labels as the body of a Python tuple literal, wrapped at ``width`` columns."""
    rows: list[str] = []
    row = "   "
    for label in labels:
        item = f' "{label}",'
        if len(row) + len(item) > width:
            rows.append(row)
            row = "   "
        row += item
    rows.append(row)
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("codes", nargs="*", default=list(SOURCES))
    parser.add_argument("--labels", action="store_true", help="print the ordered label lists")
    parser.add_argument("--outline", nargs="*", default=[], metavar="LABEL",
                        help="print what these articles show (fracciones, incisos, first and last line)")
    parser.add_argument("--epigraphs", action="store_true", help="print the epigraphs (cnpp)")
    parser.add_argument("--doubtful", action="store_true", help="print the lines to check by eye")
    args = parser.parse_args(argv)
    for code in args.codes:
        text = (SAMPLES / SOURCES[code]).read_text(encoding="utf-8")
        found = census(code, text)
        counted = units(code, text)
        parts = ", ".join(f"{len(where)} {kind}" for kind, where in containers(code, text).items())
        print(f"{code}: body lines {found.body[0]}-{found.body[1] - 1}, {len(found.headings)} artículos, "
              f"{found.derogated} derogados, {len(counted.fracciones)} fracciones, {len(counted.incisos)} "
              f"incisos, {len(found.transitorio_lines)} transitorios "
              f"(lines {found.transitorios[0]}-{found.transitorios[1] - 1}); {parts}")
        if args.doubtful:
            for note in doubtful(code, text):
                print("   ", note)
        for label in args.outline:
            print(spot_literal(code, text, label))
        if args.epigraphs:
            print(f"{code.upper()}_EPIGRAPHS: dict[str, str] = {{")
            for label, epigraph in epigraphs(code, text).items():
                print(_entry(label, epigraph))
            print("}")
        if args.labels:
            print(f"{code.upper()}_LABELS = (\n{format_labels(found.labels)}\n)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
