"""The store's write side on SQLite and PostgreSQL: register, apply, rebuild, append-only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    TITLE,
    amended_document,
    article,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from diffing.model import Change, ChangeType, DiffOp
from diffing.text import redline
from errors import NotFound, StoreError
from gazette import Edition
from parser.model import Document, Kind, Provision
from store import schema as s
from store.diff_column import decode_diff, encode_diff


def register(engine: Engine, document: Document | None = None) -> int:
    with store.transaction(engine) as conn:
        return store.register_document(conn, TITLE, document or base_document(), BASE_DAY,
                                       kind="estatuto")


def row_ids(engine: Engine) -> dict[str, list[int]]:
    pv = s.provision_version
    with engine.connect() as conn:
        rows = conn.execute(select(pv.c.label, pv.c.id).order_by(pv.c.id)).all()
    out: dict[str, list[int]] = {}
    for label, row_id in rows:
        out.setdefault(label, []).append(row_id)
    return out


def test_register_then_rebuild_gives_the_same_tree(engine: Engine) -> None:
    document_id = register(engine)
    with engine.connect() as conn:
        rebuilt = store.current_document(conn, document_id)
        revision = store.latest_revision(conn, document_id)
    assert rebuilt.provisions == base_document().provisions
    assert rebuilt.title == TITLE
    assert (revision.number, revision.valid_from, revision.top) == (1, BASE_DAY, ("cap_1", "cap_7"))


def test_apply_versions_only_what_changed(engine: Engine) -> None:
    document_id = register(engine)
    before = row_ids(engine)
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        applied = store.apply_new_version(conn, document_id, amended, changes, DECREE_DAY)
    after = row_ids(engine)
    reversioned = {label for label, ids in after.items() if len(ids) == 2}
    new = {label for label in after if label not in before}
    # the changed fracciones, and their ancestors by path copying; siblings and art_56 untouched
    assert reversioned == {"art_57__frac_iv", "art_57__frac_ix", "art_57", "cap_7__sec_1", "cap_7"}
    assert new == {"art_57__frac_iv-bis", "cap_7__sec_2", "art_57-bis"}
    assert after["art_56"] == before["art_56"] and after["cap_1"] == before["cap_1"]
    assert after["art_57__frac_iii"] == before["art_57__frac_iii"]
    assert (applied.revision, applied.inserted, applied.closed, applied.changes) == (2, 8, 5, 5)
    with engine.connect() as conn:
        assert store.current_document(conn, document_id).provisions == amended.provisions
        assert store.document_at(conn, document_id, date(2024, 5, 15)).provisions == \
            base_document().provisions
        assert store.document_at(conn, document_id, DECREE_DAY).provisions == amended.provisions
        with pytest.raises(NotFound, match="no tiene texto vigente antes del 1 de marzo de 2023"):
            store.document_at(conn, document_id, date(2020, 1, 1))


def test_version_rows_record_their_cause(engine: Engine) -> None:
    document_id = register(engine)
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        store.apply_new_version(conn, document_id, amended, changes, DECREE_DAY)
    pv = s.provision_version
    with engine.connect() as conn:
        rows = dict(conn.execute(select(pv.c.label, pv.c.change).where(pv.c.rev_from == 2)).all())
    assert rows == {"cap_7": "modified", "cap_7__sec_1": "modified", "art_57": "modified",
                    "art_57__frac_iv": "modified", "art_57__frac_iv-bis": "added",
                    "art_57__frac_ix": "derogated", "cap_7__sec_2": "added", "art_57-bis": "added"}


def test_identical_text_is_a_no_op(engine: Engine) -> None:
    document_id = register(engine)
    before = row_ids(engine)
    with store.transaction(engine) as conn:
        applied = store.apply_new_version(conn, document_id, base_document(), [], DECREE_DAY)
    assert not applied.changed and applied.revision == 1
    assert row_ids(engine) == before
    with engine.connect() as conn:
        assert len(store.revisions(conn, document_id)) == 1


def test_identical_text_with_changes_is_refused(engine: Engine) -> None:
    document_id = register(engine)
    _, changes = amended_document()
    with pytest.raises(StoreError, match="idéntico"), store.transaction(engine) as conn:
        store.apply_new_version(conn, document_id, base_document(), changes, DECREE_DAY)


def test_history_is_append_only(engine: Engine) -> None:
    document_id = register(engine)
    amended, changes = amended_document()
    before = row_ids(engine)
    with pytest.raises(StoreError, match="solo crece hacia adelante"), store.transaction(engine) as conn:
        store.apply_new_version(conn, document_id, amended, changes, date(2022, 1, 1))
    assert row_ids(engine) == before


def test_two_versions_on_one_day_leave_a_zero_length_version(engine: Engine) -> None:
    document_id = register(engine)
    matutina, changes = amended_document()
    with store.transaction(engine) as conn:
        store.apply_new_version(conn, document_id, matutina, changes, DECREE_DAY)
    cap_7 = matutina.provisions[1]
    sec_2 = Provision("cap_7__sec_2", Kind.SECCION, "2", "De la Coordinación de Distribución", "",
                      children=(article("57-bis", "Texto corregido en la vespertina."),))
    vespertina = Document(TITLE, (matutina.provisions[0], Provision(
        "cap_7", Kind.CAPITULO, "7", cap_7.heading, "", children=(cap_7.children[0], sec_2))))
    with store.transaction(engine) as conn:
        applied = store.apply_new_version(conn, document_id, vespertina, [], DECREE_DAY)
    assert applied.revision == 3
    pv = s.provision_version
    with engine.connect() as conn:
        assert store.document_at(conn, document_id, DECREE_DAY).provisions == vespertina.provisions
        assert store.revision_at(conn, document_id, DECREE_DAY).number == 3
        zero = conn.execute(select(pv.c.label).where(pv.c.rev_from == 2, pv.c.rev_to == 3,
                                                     pv.c.valid_from == pv.c.valid_to)
                            .order_by(pv.c.label)).scalars().all()
    assert zero == ["art_57-bis", "cap_7", "cap_7__sec_2"]
    _assert_no_overlaps(engine)


def test_removed_provisions_are_closed_not_deleted(engine: Engine) -> None:
    document_id = register(engine)
    base = base_document()
    shorter = Document(TITLE, base.provisions[:1])
    with store.transaction(engine) as conn:
        applied = store.apply_new_version(conn, document_id, shorter, [], DECREE_DAY)
        assert store.current_document(conn, document_id).provisions == shorter.provisions
        assert store.document_at(conn, document_id, BASE_DAY).provisions == base.provisions
    assert applied.inserted == 0 and applied.closed == 9
    _assert_no_overlaps(engine)


def test_duplicate_labels_and_titles_are_refused(engine: Engine) -> None:
    twice = Document(TITLE, (article("1", "uno"), article("1", "otra vez")))
    with pytest.raises(StoreError, match="tiene dos veces artículo 1"), store.transaction(engine) as conn:
        store.register_document(conn, TITLE, twice, BASE_DAY)
    register(engine)
    with pytest.raises(StoreError, match="ya está registrado"), store.transaction(engine) as conn:
        store.register_document(conn, TITLE.upper().replace("Ó", "O"), base_document(), BASE_DAY)


def test_a_failed_transaction_leaves_nothing(engine: Engine) -> None:
    register(engine)
    with pytest.raises(RuntimeError), store.transaction(engine) as conn:
        store.register_document(conn, "Reglamento de prueba", base_document(), BASE_DAY)
        store.write_checkpoint(conn, DECREE_DAY, Edition.MAT)
        raise RuntimeError("crash in the middle of an edition")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.document)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(s.checkpoint)).scalar() == 0


def _assert_no_overlaps(engine: Engine) -> None:
    """Versions of one label never overlap in time or revisions, and at most one is open."""
    pv = s.provision_version
    with engine.connect() as conn:
        rows = conn.execute(select(pv.c.document_id, pv.c.label, pv.c.rev_from, pv.c.rev_to,
                                   pv.c.valid_from, pv.c.valid_to)
                            .order_by(pv.c.document_id, pv.c.label, pv.c.rev_from)).all()
    previous = None
    for row in rows:
        assert row.rev_to is None or row.rev_to > row.rev_from
        assert row.valid_to is None or row.valid_to >= row.valid_from
        if previous is not None and previous[:2] == row[:2]:
            assert previous.rev_to is not None and previous.rev_to <= row.rev_from
            assert previous.valid_to is not None and previous.valid_to <= row.valid_from
        previous = row


@given(before=st.text(alphabet="abc áé,.;\n", max_size=60),
       after=st.text(alphabet="abc áé,.;\n", max_size=60))
def test_a_redline_is_stored_by_lengths_and_cut_back_out(before: str, after: str) -> None:
    diff = redline(before, after)
    change = Change("art_1", ChangeType.MODIFIED, before, after, diff)
    stored = encode_diff(change)
    assert all(isinstance(length, int) for _, length in stored)
    assert decode_diff(json.loads(json.dumps(stored)), before, after) == diff


def test_a_redline_that_does_not_rebuild_its_texts_is_stored_whole() -> None:
    diff = ((DiffOp.EQUAL, "IX. "), (DiffOp.DELETE, "Las demás"), (DiffOp.INSERT, "Se deroga."))
    change = Change("art_57__frac_ix", ChangeType.DEROGATED, "Las demás", "Se deroga.", diff)
    stored = encode_diff(change)
    assert stored == [["=", "IX. "], ["-", "Las demás"], ["+", "Se deroga."]]
    assert decode_diff(stored, change.before, change.after) == diff
    added = Change("art_57-bis", ChangeType.ADDED, None, "Artículo 57 Bis.",
                   ((DiffOp.INSERT, "Artículo 57 Bis."),))
    assert encode_diff(added) == [["+", 16]]
    assert decode_diff(encode_diff(added), None, added.after) == added.diff
    assert decode_diff([], None, None) == ()
