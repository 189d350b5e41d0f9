"""A provision watch still follows its provision after a rewind renumbers the document's revisions
(SQLite and PostgreSQL): what a watch has seen is the changes recorded when it was made, not a
revision number a version in force sooner shifts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Engine, select
from test_store_support import BASE_DAY, article, db_url_fixture, engine_fixture, fraccion  # noqa: F401
from test_web_data_watch import LATER_DAY, LEY, RENUMBER_DAY, _ley, _seen

import store
from diffing import changes_between
from diffing.model import Change, ChangeType
from store import schema
from store.timeline import replay, rewind
from store.users import add_user
from store.watch import add_watch, watches

SOONER = date(2024, 1, 15)   # before the renumbering, stored after everything else


def _labels(engine: Engine, user_id: int) -> list[str | None]:
    with engine.connect() as conn:
        return [w.label for w in watches(conn, user_id)]


def _renumbering(engine: Engine) -> tuple[int, int]:
    """(id, revision) of the one renumbering record."""
    c = schema.change
    with engine.connect() as conn:
        row = conn.execute(select(c.c.id, c.c.revision).where(c.c.type == "renumbered")).one()
    return int(row.id), int(row.revision)


def test_a_watch_follows_its_provision_after_a_rewind_renumbers_the_revisions(engine: Engine) -> None:
    old_57 = article("57", "Corresponde a la Junta:", fraccion("art_57", "ix", "Las demás."))
    with store.transaction(engine) as conn:
        luis = add_user(conn, "luis", "reader", "contraseña larga").id
        eva = add_user(conn, "eva", "reader", "contraseña larga").id
        doc = store.register_document(conn, LEY, _ley(old_57), BASE_DAY)
        add_watch(conn, luis, doc, "art_57")   # the 57 that is about to become 58
    moved = article("58", "Corresponde a la Junta:", fraccion("art_58", "ix", "Las demás."))
    new_57 = article("57", "La Junta sesionará cada trimestre.")
    with store.transaction(engine) as conn:   # revision 2: 57 renumbered to 58, a new 57
        store.apply_new_version(conn, doc, _ley(new_57, moved), [
            Change("art_58", ChangeType.RENUMBERED, "57", "58", from_label="art_57"),
            Change("art_57", ChangeType.ADDED, None, new_57.text)], RENUMBER_DAY)
        add_watch(conn, eva, doc, "art_57")   # the new 57, watched after the move
    reformed = article("58", "Corresponde a la Junta:", fraccion("art_58", "ix", "Las demás leyes."))
    monthly = article("57", "La Junta sesionará cada mes.")
    with store.transaction(engine) as conn:   # revision 3: both reformed
        store.apply_new_version(conn, doc, _ley(monthly, reformed), [
            Change("art_58__frac_ix", ChangeType.MODIFIED, "Las demás.", "Las demás leyes."),
            Change("art_57", ChangeType.MODIFIED, new_57.text, monthly.text)], LATER_DAY)

    recorded = _renumbering(engine)
    # a version in force before the renumbering, stored last: revisions 2 and 3 become 3 and 4
    with store.transaction(engine) as conn:
        taken = rewind(conn, doc, SOONER)
        current = store.current_document(conn, doc)
        art_1 = "La presente Ley regula el Sistema Nacional de Información."
        sooner = replace(current, provisions=tuple(replace(p, text=art_1) if p.label == "art_1" else p
                                                   for p in current.provisions))
        store.apply_new_version(conn, doc, sooner, changes_between(current, sooner), SOONER)
        replay(conn, doc, taken)
        assert [(r.number, r.valid_from) for r in store.revisions(conn, doc)] == [
            (1, BASE_DAY), (2, SOONER), (3, RENUMBER_DAY), (4, LATER_DAY)]

    assert _renumbering(engine) == (recorded[0], 3)   # replayed as a renumbering, under its id
    assert _labels(engine, luis) == ["art_58"]
    assert _seen(engine, luis) == [("art_58", "renumbered"), ("art_58__frac_ix", "modified")]
    assert _labels(engine, eva) == ["art_57"]   # not moved by a renumbering it had already seen
    assert _seen(engine, eva) == [("art_57", "added"), ("art_57", "modified")]
