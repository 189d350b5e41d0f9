"""Findings in the store: every revision keeps the doubts about its text, and they are shown.

A text that was read (an import, a notice that registers an instrument) keeps its reading's
findings and the structural check's; a text made by applying an amendment keeps the check of the
result. They are written in the edition's transaction, read back as ``Finding`` values, counted
by ``info`` and pointed to by the change log in every format.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from test_pipeline_support import BASE, IMSS_CODIGO
from test_pipeline_support import TITLE as IMSS_TITLE
from test_store_ingest import _fetch
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    TITLE,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import pipeline
import store
from diffing import changes_between
from parser import (
    Document,
    Finding,
    FindingKind,
    Kind,
    Provision,
    check_document,
    parse_statute,
    read_statute,
)
from report import changes_csv, changes_html, changes_json, changes_table
from scheduler import main
from scraper import Edition
from store import schema as s

LEY = """LEY FEDERAL DE PRUEBA

Artículo 1o.- Son autoridades:

I. La Secretaría;

III. El Instituto.

Artículo 2o.- El Instituto resolverá. CAPÍTULO II De las notificaciones

Artículo 3o.- Las notificaciones serán personales.
"""


def test_an_imported_text_keeps_its_findings(engine: Engine) -> None:
    document = parse_statute(LEY)
    assert document.findings  # a fracción missing, a heading swallowed
    with store.transaction(engine) as conn:
        result = pipeline.import_text(conn, document, "Ley Federal de Prueba", date(2024, 1, 1))
    assert result.findings == len(document.findings)
    handle = store.Store(engine).document("prueba")
    assert handle.findings() == document.findings  # kind, message, line and label, in order
    assert handle.findings("2024-01-01") == document.findings
    with engine.connect() as conn:
        [count] = store.finding_counts(conn)
    assert (count.revision, count.current, count.total) == (1, len(document.findings), len(document.findings))


def _without(provisions: tuple[Provision, ...], label: str) -> tuple[Provision, ...]:
    return tuple(replace(p, children=_without(p.children, label)) for p in provisions if p.label != label)


def test_an_applied_version_keeps_the_check_of_the_text_it_made(engine: Engine) -> None:
    """A tree built by applying changes was never read: the store checks it. Removing fracción II
    of artículo 57 leaves I, III: a gap, recorded for revision 2 and not for revision 1."""
    base = base_document()
    new = Document(base.title, _without(base.provisions, "art_57__frac_ii"))
    with store.transaction(engine) as conn:
        store.register_document(conn, TITLE, base, BASE_DAY)
        applied = store.apply_new_version(conn, 1, new, changes_between(base, new), date(2024, 5, 16))
    expected = check_document(new)
    assert (FindingKind.GAP, "art_57__frac_iii") in {(f.kind, f.label) for f in expected}
    assert applied.findings == len(expected)
    with engine.connect() as conn:
        assert store.stored_findings(conn, 1, 1) == check_document(base)
        assert store.stored_findings(conn, 1, 2) == expected
    handle = store.Store(engine).document(1)
    assert handle.findings() == expected and handle.findings(BASE_DAY) == check_document(base)


def test_an_edition_records_the_findings_of_the_texts_its_notices_leave(engine: Engine) -> None:
    """15/05/2024: the IMSS Modificación is applied (revision 2, the check of the amended tree)
    and the Lineamientos are registered (revision 1, their reading's findings); each row names
    the notice that made its revision, and the edition's counts say how many were kept."""
    _, fetched = _fetch(date(2024, 5, 15), Edition.MAT)
    with store.transaction(engine) as conn:
        pipeline.import_text(conn, read_statute(BASE.read_bytes(), str(BASE)), IMSS_TITLE, date(2023, 10, 6))
        result = pipeline.ingest_edition(conn, fetched)
    f, v, n = s.finding, s.document_version, s.notice
    with engine.connect() as conn:
        imss = store.find_documents(conn, "IMSS-BIENESTAR")[0][0]
        assert store.stored_findings(conn, imss, 2) == check_document(store.current_document(conn, imss))
        made = {(row.document_id, row.number): row.notice_id for row in conn.execute(
            select(v.c.document_id, v.c.number, v.c.notice_id))}
        rows = conn.execute(select(f.c.document_id, f.c.revision, f.c.notice_id)).all()
        assert all(made[(doc, rev)] == notice for doc, rev, notice in rows)
        assert result.counts["findings"] == sum(1 for _, _, notice in rows if notice is not None) > 0
        imss_notice = conn.execute(select(n.c.id).where(n.c.codigo == IMSS_CODIGO)).scalar_one()
        assert made[(imss, 2)] == imss_notice
        registered = [doc for (doc, rev), notice in made.items() if rev == 1 and notice is not None]
        assert registered  # the Lineamientos
        for doc in registered:
            codigo = conn.execute(select(n.c.codigo).where(n.c.id == made[(doc, 1)])).scalar_one()
            body = fetched.bodies[codigo]
            assert store.stored_findings(conn, doc, 1) == read_statute(body.body, body.url).findings


def test_a_rolled_back_edition_leaves_no_findings(engine: Engine) -> None:
    with pytest.raises(RuntimeError), store.transaction(engine) as conn:
        pipeline.import_text(conn, parse_statute(LEY), "Ley Federal de Prueba", date(2024, 1, 1))
        raise RuntimeError("the edition fails after the import")
    with engine.connect() as conn:
        assert conn.execute(select(s.finding.c.id)).first() is None


# --- shown ----------------------------------------------------------------------------------------
def _store_with_a_change(engine: Engine) -> None:
    document = parse_statute(LEY)
    amended = parse_statute(LEY.replace("III. El Instituto.", "III. El Instituto Nacional."))
    with store.transaction(engine) as conn:
        pipeline.import_text(conn, document, "Ley Federal de Prueba", date(2024, 1, 1))
        pipeline.import_text(conn, amended, "Ley Federal de Prueba", date(2024, 2, 1))


def test_the_change_log_counts_the_findings_of_the_text_each_change_left(engine: Engine) -> None:
    _store_with_a_change(engine)
    entries = store.Store(engine).changes()
    assert entries and {(e.revision, e.findings) for e in entries} == {(2, len(parse_statute(LEY).findings))}
    count = entries[0].findings
    assert all(item["findings"] == count for item in json.loads(changes_json(entries)))
    rows = list(csv.DictReader(io.StringIO(changes_csv(entries))))
    assert [row["findings"] for row in rows] == [str(count)] * len(entries)
    table = changes_table(entries)
    assert f"Ley Federal de Prueba, revisión 2: {count} hallazgos" in table
    assert "dof-tracker info --findings" in table
    page = changes_html(entries)
    assert f'<p class="findings">Ley Federal de Prueba, revisión 2: {count} hallazgos</p>' in page


def test_no_findings_no_footer(engine: Engine) -> None:
    clean = "LEY FEDERAL DE PRUEBA\n\nArtículo 1o.- Texto uno.\n\nArtículo 2o.- Texto dos.\n"
    with store.transaction(engine) as conn:
        pipeline.import_text(conn, parse_statute(clean), "Ley", date(2024, 1, 1))
        pipeline.import_text(conn, parse_statute(clean.replace("dos", "tres")), "Ley", date(2024, 2, 1))
    entries = store.Store(engine).changes()
    assert [e.findings for e in entries] == [0]
    assert "hallazgo" not in changes_table(entries) and 'class="findings"' not in changes_html(entries)


def test_import_info_and_info_findings_on_the_command_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    law = tmp_path / "ley.txt"
    law.write_text(LEY, encoding="utf-8")
    db = ["--db", f"sqlite:///{tmp_path / 'store.db'}"]
    findings = parse_statute(LEY).findings
    assert main([*db, "import", str(law), "--title", "Ley Federal de Prueba", "--as-of", "2024-01-01"]) == 0
    out = capsys.readouterr().out
    assert f"{len(findings)} hallazgos en el texto (dof-tracker info --findings)" in out
    assert main([*db, "info"]) == 0
    out = capsys.readouterr().out
    assert f"  [1] Ley Federal de Prueba (revisión 1): {len(findings)} hallazgos" in out.splitlines()
    assert main([*db, "info", "--findings"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"[1] Ley Federal de Prueba (revisión 1): {len(findings)} hallazgos"
    assert lines[1:] == [f"    {f}" for f in findings]


def test_findings_round_trip_every_field(engine: Engine) -> None:
    findings = (Finding(FindingKind.UNREADABLE, "línea ilegible: «IV bis.»", 120, None),
                Finding(FindingKind.ORDER, "artículo 5 después de 7", None, "art_5"))
    document = Document("Ley", (Provision("art_7", Kind.ARTICULO, "7", text="Siete."),
                                Provision("art_5", Kind.ARTICULO, "5", text="Cinco.")), findings)
    with store.transaction(engine) as conn:
        store.register_document(conn, "Ley", document, date(2024, 1, 1))
    assert store.Store(engine).document("Ley").findings() == findings
