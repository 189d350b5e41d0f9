"""The store on real parser and amendment output: the IMSS-BIENESTAR Estatuto and its 2024 change.

The texts are the project's fixtures (fixtures/imss), parsed by ``parser.statute`` and amended by
``diffing.amend``; the store must give every text back exactly and answer the questions of issue
#5's "done when" at the store level: fracción IX of article 57 before and after 15/05/2024.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)

import store
from diffing import amend
from diffing.model import ChangeType, DiscrepancyKind
from gazette import Edition, Notice, NoticeKind
from parser.model import Document, Status
from parser.statute import parse_statute
from store import Store
from store import schema as s

IMSS = Path(__file__).resolve().parent.parent / "fixtures" / "imss"
PUBLISHED, IN_FORCE = date(2024, 5, 15), date(2024, 5, 16)


def fixture_text(name: str) -> str:
    lines = (IMSS / name).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[1:])  # the first line is our "reconstruction" comment, not DOF text


@pytest.fixture(scope="module")
def texts() -> tuple[Document, Document, object]:
    base = parse_statute(fixture_text("estatuto_organico_base.txt"))
    outcome = amend(base, fixture_text("modificacion_2024-05-15.txt"))
    return base, outcome.new, outcome


def test_the_imss_estatuto_and_its_modification_round_trip(engine: Engine, texts: tuple) -> None:
    base, new, outcome = texts
    notice = Notice("5727035", PUBLISHED, Edition.MAT, "Primera Sección", "Organismos Descentralizados",
                    "SERVICIOS DE SALUD DEL IMSS-BIENESTAR", outcome.title, "https://www.dof.gob.mx/"
                    "nota_detalle.php?codigo=5727035&fecha=15/05/2024", NoticeKind.AMENDS, outcome.document)
    undeclared = {d.label for d in outcome.discrepancies if d.kind is DiscrepancyKind.UNDECLARED_CHANGE}
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, base.title, base, date(2023, 3, 1), kind="estatuto")
        notice_id = store.save_notice(conn, notice, document_id=document_id)
        applied = store.apply_new_version(conn, document_id, new, outcome.changes, IN_FORCE, notice_id,
                                          undeclared=undeclared)
        store.record_instructions(conn, document_id, notice_id, outcome.instructions)
        store.record_discrepancies(conn, document_id, notice_id, outcome.discrepancies)
        assert store.current_document(conn, document_id).provisions == new.provisions
        assert store.document_at(conn, document_id, PUBLISHED).provisions == base.provisions
        total = conn.execute(select(func.count()).select_from(s.provision_version)).scalar_one()
    assert applied.changes == len(outcome.changes) > 5
    # path copying stays small: far fewer new rows than the document has provisions
    assert applied.inserted < len(list(new.walk())) / 2
    assert total == len(list(base.walk())) + applied.inserted

    estatuto = Store(engine).document("IMSS-BIENESTAR")
    before, after = estatuto.history("57, fracción IX")
    assert (before.status, after.status) == (Status.VIGENTE, Status.DEROGADO)
    assert after.change is ChangeType.DEROGATED
    assert after.notice == notice and before.valid_to == after.valid_from == IN_FORCE
    assert estatuto.at("57, fracción IX", PUBLISHED).text == before.text
    assert estatuto.at("57, fracción IX", IN_FORCE).text == after.text
    assert "Se deroga" in after.text
    assert estatuto.at("57 Bis", IN_FORCE).change is ChangeType.ADDED
    logged = {(c.label, c.type) for c in estatuto.changes()}
    assert ("art_57__frac_ix", ChangeType.DEROGATED) in logged
    assert ("art_57-bis", ChangeType.ADDED) in logged
