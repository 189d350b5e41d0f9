"""A census of the amending instruments inside whole DOF editions, read as the pipeline reads them.

    .venv/bin/python tests/tools/edition_census.py [--verbose]

Each whole-edition text of ../shared/dof-samples/texts (docling, gemini, marker) is cut into its
instruments at their DOF titles (a keyword in capitals and the title going on in lower case:
"ACUERDO por el que se modifica …", "MODIFICACIÓN al Estatuto …", "## DECRETO por el que …"),
each title is classified as the scraper classifies it (``scraper.classify``), and every amending
one is read by ``parse_amendment``. Per sample it prints the instruments found, the amending ones,
those read and those refused, the operative articles whose clause could not be read, the
directives read and the findings; ``--verbose`` prints every instrument's directives and entry
into force, for a person to compare with the text. Nothing here is asserted: the tests do that.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from errors import AmendmentError  # noqa: E402
from gazette import NoticeKind  # noqa: E402
from parser import FindingKind, parse_amendment  # noqa: E402
from scraper.classify import classify  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "dof-samples" / "texts"
EDITIONS = ("DOF_2024-03-18_MAT_edicion_parcial_docling.md",
            "DOF_2024-04-01_MAT_edicion_completa_marker.md",
            "DOF_2024-04-12_MAT_edicion_completa_docling.md",
            "DOF_2024-04-12_MAT_edicion_completa_gemini.md",
            "pages-corpus_excerpts_dof_nota_detalle.md")
_KEYWORDS = ("DECRETO|ACUERDO|MODIFICACI[ÓO]N|RESOLUCI[ÓO]N|REGLAMENTO|AVISO|CONVENIO|LINEAMIENTOS"
             "|NORMAS?|PROYECTO|ESTATUTO|REGLAS|SENTENCIA|DECLARATORIA|EXTRACTO|ACLARACI[ÓO]N|FE"
             "|NOTA|CIRCULAR|ANEXO|TASAS?|TIPO|ADICI[ÓO]N|REFORMA|PROGRAMA|MANUAL|ESTADO"
             "|RELACI[ÓO]N|C[ÓO]DIGO|POL[ÍI]TICAS?|BASES|CRITERIOS|DISPOSICIONES|LISTA|INFORME"
             "|OFICIO|VALOR")
_TITLE = re.compile(rf"^(?:#+\s*)?(?:\*\*)?((?:{_KEYWORDS})\s+[a-záéíóúñ(][^\n]*)")


@dataclass(frozen=True, slots=True)
class Read:
    """One amending instrument of an edition, as read."""

    line: int
    title: str
    error: str = ""
    articles: int = 0
    unread: int = 0
    directives: tuple[str, ...] = ()
    findings: int = 0
    entry_into_force: str = ""


def instruments(text: str) -> Iterator[tuple[int, str, str]]:
    """(line, title, text up to the next title) of every instrument of an edition."""
    lines = text.split("\n")
    starts = [(number, match.group(1).strip("* ")) for number, line in enumerate(lines)
              if (match := _TITLE.match(line)) is not None]
    for (start, title), (end, _) in zip(starts, [*starts[1:], (len(lines), "")], strict=True):
        yield start + 1, title, "\n".join(lines[start:end])


def read(line: int, title: str, text: str) -> Read:
    try:
        amendment = parse_amendment(text)
    except AmendmentError as error:
        return Read(line, title, error=str(error))
    directives = tuple(f"{d.verb} {d.label}" for a in amendment.articles for d in a.directives)
    unread = sum(f.kind is FindingKind.UNREADABLE for f in amendment.findings)
    rule = amendment.entry_into_force
    return Read(line, title, articles=len(amendment.articles), unread=unread,
                directives=directives, findings=len(amendment.findings),
                entry_into_force=f"{rule.kind}{f' {rule.on}' if rule.on else ''}")


def census(name: str) -> tuple[int, list[Read]]:
    """How many instruments an edition holds, and its amending ones read."""
    found = list(instruments((SAMPLES / name).read_text(encoding="utf-8")))
    amending = [read(*item) for item in found if classify(item[1])[0] is NoticeKind.AMENDS]
    return len(found), amending


def main(argv: list[str]) -> int:
    if not SAMPLES.is_dir():
        print(f"{SAMPLES} is not present")
        return 1
    verbose = "--verbose" in argv
    print(f"{'sample':48} {'instr':>5} {'amend':>5} {'read':>4} {'refused':>7} {'unread':>6} "
          f"{'targets':>7} {'findings':>8}")
    for name in EDITIONS:
        total, amending = census(name)
        ok = [r for r in amending if not r.error]
        print(f"{name[:48]:48} {total:5} {len(amending):5} {len(ok):4} "
              f"{len(amending) - len(ok):7} {sum(r.unread for r in ok):6} "
              f"{sum(len(r.directives) for r in ok):7} {sum(r.findings for r in ok):8}")
        for item in amending if verbose else ():
            print(f"  línea {item.line}: {item.title[:100]}")
            print(f"    {item.error or item.entry_into_force}")
            print("".join(f"    {d}\n" for d in item.directives), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
