"""One language for people: what the tracker stores or shows a person is Spanish.

Three nets, each able to fail on one English line:
1. every message of a ``TrackerError`` raised anywhere in the code, read from the source (a new
   English message fails here before anyone sees it);
2. the inputs the suite already refuses, each through the real function, and the discrepancies
   an amendment that does not match its text produces;
3. real pipeline runs through the local DOF mirror (a weekday without matutina, SIDOF disagreeing
   and failing, an amendment that cannot be read, a failed edition): every stored warning,
   attention reason and run error, the problems list, the sync lines and what notify sends.

Quoted gazette text («…») and URLs are evidence, not our words: they are left out of the check.
"""

from __future__ import annotations

import ast
import doctest
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine
from test_pipeline_support import AS_OF, BASE, IMSS_CODIGO, TITLE

import errors
import pipeline
import scheduler
import untrusted
from diffing import amend
from errors import TrackerError
from gazette import Edition
from parser import (
    Document,
    Kind,
    Provision,
    cite_text,
    ensure_whole,
    parse_amendment,
    parse_statute,
    read_statute,
)
from parser.body import number_of
from parser.clauses import read_clause
from parser.decode import decode_bytes
from parser.errata import parse_errata
from parser.html import html_to_text
from pipeline.catchup import day_range
from report.runs import edition_line, notify_text
from scraper import retry
from scraper.edition import check_index_complete, parse_edition
from scraper.http import origin_of
from scraper.mirror import FIXTURES, FaultPlan, serve_mirror
from scraper.note import check_note_complete, valid_codigo
from scraper.sidof import parse_sidof_notes
from scraper.sources import source_base
from store import RunStatus, open_engine, runs
from store.api import Store

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("parser", "diffing", "scraper", "store", "pipeline", "report", "web", "cli")
ENGLISH_WORDS = frozenset({
    "the", "not", "cannot", "is", "are", "was", "were", "has", "have", "found", "with", "without", "of",
    "for", "from", "after", "before", "only", "this", "that", "which", "than", "and", "or", "must",
    "would", "could", "should", "failed", "empty", "missing", "unknown", "refused", "refusing", "stored",
    "applied", "gave", "asks", "left", "stays", "corrected", "none", "such", "body", "notice", "edition",
    "line", "number", "text", "there", "its", "into", "outside", "inside", "already", "never",
    "in", "on", "database",
})


def english_words(message: str) -> list[str]:
    """The English words of ``message``, outside quoted excerpts («…», '…') and URLs.

    >>> english_words("no se encontró qué disposición «se reforma» en «the text»")
    []
    >>> english_words("no target found for 'se reforma' in «x»")
    ['found', 'for', 'in']
    """
    ours = _outside_quotes(message)
    words = [w.strip(".,;:()¿?¡!\"'").lower() for w in ours.split()]
    return [w for w in words if w in ENGLISH_WORDS]


def _outside_quotes(message: str) -> str:
    kept: list[str] = []
    depth = 0
    for char in message:
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return " ".join(w for w in "".join(kept).split() if "://" not in w)


def assert_spanish(messages: list[str]) -> None:
    assert messages, "nothing was checked"
    english = {m: english_words(m) for m in messages if english_words(m)}
    assert not english, english


# --- 1. every TrackerError message in the source ------------------------------------------------
def _error_names(trees: list[ast.Module]) -> frozenset[str]:
    """errors.py's classes and every class the code derives from them (WrongDay, …)."""
    names = set(errors.__all__)
    grown = True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        isinstance(b, ast.Name) and b.id in names for b in node.bases):
                    names.add(node.name)
                    grown = True
    return frozenset(names)


def _literal_text(node: ast.expr) -> str:
    """The words a message expression writes itself (f-string fields left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(v.value for v in node.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):
        return f"{_literal_text(node.left)} {_literal_text(node.right)}"
    return ""


def _sources() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))
    yield ROOT / "scheduler.py"


def _raised_messages() -> list[tuple[str, str]]:
    files = [p for p in _sources() if "migrations" not in p.parts and p.name != "testing.py"]
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in files]
    names = _error_names(trees)
    found = []
    for path, tree in zip(files, trees, strict=True):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names \
                    and node.args:
                text = _literal_text(node.args[0])
                if text.strip():
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", text))
    return found


def test_every_tracker_error_raised_in_the_code_speaks_spanish() -> None:
    found = _raised_messages()
    assert len(found) > 150  # every package's raise sites were read
    english = {where: english_words(text) for where, text in found if english_words(text)}
    assert not english, english


# --- 2. refused inputs, through the real functions ----------------------------------------------
DAY = date(2024, 5, 15)
HEADER = '<html><body><table><tr><td class="txt">Fecha: {} - Edición {}</td></tr></table></body></html>'

REFUSALS: dict[str, Callable[[], object]] = {
    "empty bytes": lambda: decode_bytes(b""),
    "a PDF": lambda: decode_bytes(b"%PDF-1.7\n1 0 obj"),
    "binary": lambda: decode_bytes(b"\x00\x01\x02binary\x00" * 20),
    "cut UTF-8": lambda: decode_bytes("Artículo 1o. La Federación".encode()[:-1] + "ó".encode()[:1]),
    "U+FFFD": lambda: decode_bytes("Texto con \ufffd perdido".encode()),
    "empty text": lambda: parse_statute("  \n"),
    "no statute": lambda: parse_statute("hola, esto no es una ley.\n"),
    "empty file": lambda: read_statute(b"", "vacio.txt"),
    "cut statute": lambda: ensure_whole(parse_statute("Artículo 1.- Completo.\n\nArtículo 2.- Cortado a la")),
    "cut HTML": lambda: html_to_text("<html><body><p>Artículo 1.- Texto.</p>"),
    "no operative clause": lambda: parse_amendment("AVISO por el que se da a conocer algo.\nTexto.\n"),
    "verb without target": lambda: read_clause("Se reforma de la Ley X."),
    "dotted numbers": lambda: read_clause("Se reforman los numerales 4.1 y 4.2 del Manual X"),
    "unmodelled unit": lambda: read_clause("Se reforma la viñeta 2 del numeral 4 del Manual X"),
    "bad fracción number": lambda: number_of(Kind.FRACCION, "ZZQ"),
    "not an erratum": lambda: parse_errata("AVISO por el que se da a conocer algo.\n"),
    "wrong day": lambda: parse_edition(HEADER.format("16/05/2024", "Matutina"), DAY, Edition.MAT),
    "wrong edition": lambda: parse_edition(HEADER.format("15/05/2024", "Vespertina"), DAY, Edition.MAT),
    "header without notes": lambda: parse_edition(HEADER.format("15/05/2024", "Matutina"), DAY, Edition.MAT),
    "cut index": lambda: check_index_complete("<html><body>"),
    "cut note": lambda: check_note_complete("<html><body>x"),
    "bad codigo": lambda: valid_codigo("../etc"),
    "SIDOF not JSON": lambda: parse_sidof_notes("{", DAY),
    "SIDOF error": lambda: parse_sidof_notes('{"messageCode": 500}', DAY),
    "source with a path": lambda: source_base("http://127.0.0.1:9/index.php?x=1"),
    "not http": lambda: origin_of("ftp://dof.gob.mx/"),
    "MySQL": lambda: open_engine("mysql://u:pw@h/db"),
    "unreadable database URL": lambda: open_engine("postgresql://u:pw@127.0.0.1:abc/test"),
    "days backwards": lambda: day_range(date(2024, 5, 17), date(2024, 5, 13)),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_each_refusal_is_one_spanish_line(name: str) -> None:
    with pytest.raises(TrackerError) as caught:
        REFUSALS[name]()
    message = str(caught.value)
    assert "\n" not in message
    assert_spanish([message])


def test_a_missing_store_is_refused_in_spanish(tmp_path: Path) -> None:
    with pytest.raises(TrackerError) as caught:
        open_engine(f"sqlite:///{tmp_path / 'no-existe.sqlite'}", create=False)
    assert str(caught.value).startswith("no existe la base de datos")
    assert_spanish([str(caught.value)])


def test_discrepancies_are_told_in_spanish() -> None:
    base = Document("Reglamento R", (Provision("art_1", Kind.ARTICULO, "1", text="Texto original."),))
    outcome = amend(base, "DECRETO por el que se reforma el Reglamento R.\n"
                          "ÚNICO.- Se reforma el artículo 9 del Reglamento R, para quedar como sigue:\n"
                          "Artículo 1.- Texto nuevo.\n...\n")
    details = [d.detail for d in outcome.discrepancies]
    assert any("artículo 9" in d for d in details) and any("artículo 1" in d for d in details)
    assert_spanish(details)


# --- 3. what a real run stores and tells ------------------------------------------------------
@pytest.fixture(name="tree")
def tree_fixture(tmp_path: Path) -> Path:
    """The mirror's fixtures with the 15/05/2024 Modificación unreadable, SIDOF listing a note the
    13/05 index lacks, and SIDOF answering an error for 14/05."""
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    body = tree / "sidof" / "docFuente" / f"{IMSS_CODIGO}.html"
    body.write_bytes(body.read_bytes().replace("Se REFORMAN los artículos".encode(),
                                               "Se COMENTAN los artículos".encode()))
    index = json.loads((tree / "www" / "index" / "2024-05-13_MAT.expected.json").read_text(encoding="utf-8"))
    listed = [{"codNota": int(n["codigo"]), "titulo": n["title"], "codEdicion": "MAT", "codOrgaUno": "PE"}
              for n in index["notices"]]
    listed.append({"codNota": 5727019, "titulo": "AVISO de prueba.", "codEdicion": "MAT", "codOrgaUno": "PE"})
    (tree / "sidof" / "notas" / "13-05-2024.json").write_text(json.dumps(
        {"messageCode": 200, "response": "OK", "NotasMatutinas": listed, "NotasVespertinas": [],
         "NotasExtraordinarias": []}), encoding="utf-8")
    (tree / "sidof" / "notas" / "14-05-2024.json").write_text('{"messageCode":500,"response":"ERROR"}')
    return tree


@pytest.fixture(name="engine")
def engine_fixture(tmp_path: Path) -> Iterator[Engine]:
    engine = open_engine(f"sqlite:///{tmp_path / 'es.sqlite'}")
    yield engine
    engine.dispose()


def test_a_run_stores_and_tells_only_spanish(engine: Engine, tree: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(AS_OF))
    days = [date(2024, 5, 13), date(2024, 5, 14), DAY, date(2024, 5, 20)]  # no fixture for Monday 20
    with serve_mirror(tree) as mirror:
        report = pipeline.sync(engine, days, mirror.base_url, today=date(2024, 6, 1))
    with serve_mirror(plan=FaultPlan(seed=1, rates={"http_503": 1.0}, retry_after=0)) as broken:
        failed = pipeline.sync(engine, [date(2024, 5, 16)], broken.base_url)
    results = (*report.results, *failed.results)
    warnings = [w for r in results for w in r.warnings]
    reasons = [reason for r in results for reason in r.reasons]
    errors_ = [r.error for r in results if r.error]
    with engine.connect() as conn:
        recorded = [r.error for r in runs(conn) if r.error]
    problems = [reason for p in Store(engine).problems() for reason in p.reasons]
    # each scenario happened, so the check below is about real lines
    assert any("día entre semana" in w for w in warnings)
    assert any("SIDOF lista 1 nota" in w for w in warnings)
    assert any("no se pudo cotejar con SIDOF" in w for w in warnings)
    assert any(r.startswith(f"{IMSS_CODIGO} (reforma): ") for r in reasons) and problems
    assert [r.status for r in failed.results] == [RunStatus.FAILED] and "HTTP 503" in errors_[-1]
    url = engine.url.render_as_string(hide_password=False)
    for command in ("problems", "info"):  # what a person asks the store afterwards
        assert scheduler.main(["--db", url, command]) == 0
    shown = capsys.readouterr().out
    assert "necesita atención" in shown and "needs_attention" not in shown and " MAT" not in shown
    told = [*warnings, *reasons, *errors_, *recorded, *problems,
            *(edition_line(r) for r in results), *notify_text(report).splitlines(),
            *notify_text(failed).splitlines(), *shown.splitlines()]
    assert_spanish(told)


def test_english_is_caught() -> None:
    """The net itself: the old English lines are caught, their Spanish replacements are not."""
    assert english_words("no matutina edition on a weekday: a holiday, or the site failed us")
    assert english_words("5727205 (amends): no operative clause ('ARTÍCULO ÚNICO.- Se reforma …') found")
    assert english_words("database error: disk full")
    assert not english_words("no hay edición matutina en un día entre semana: un día inhábil, o el sitio "
                             "falló")
    assert not english_words("5727205 (reforma): la cláusula no dice «se reforma» ni «the text»")


@pytest.mark.parametrize("module", [untrusted, cite_text, retry, sys.modules[__name__]],
                         ids=lambda m: m.__name__)
def test_doctests_of_the_message_helpers(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
