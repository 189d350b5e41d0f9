"""Watchlists and search on both backends: a provision watch follows renumbering, search finds
words whatever their accents and keeps up with every new version."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select, text
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    TITLE,
    amended_document,
    article,
    base_document,
    db_url_fixture,
    engine_fixture,
    fraccion,
)

import store
from diffing.model import Change, ChangeType
from errors import InputError, NotFound
from parser.model import Document, Kind, Provision
from store import schema as s
from store.search import search, snippet
from store.users import add_user
from store.versions import drop_latest_revision
from store.watch import Segment, add_watch, lineage, remove_watch, watched_changes, watches

LEY = "Ley del Sistema Nacional de Información Estadística y Geográfica"
RENUMBER_DAY = date(2024, 6, 1)
LATER_DAY = date(2024, 9, 2)


def _ley(art_57: Provision, *others: Provision) -> Document:
    art_1 = article("1", "La presente Ley regula el Sistema Nacional de Información Estadística y "
                         "Geográfica.")
    return Document(LEY, tuple(sorted((art_1, art_57, *others), key=lambda p: p.label)))


def _renumbered_store(engine: Engine) -> tuple[int, int]:
    """Revision 1: art. 57 with fracciones I and IX. Revision 2: 57 renumbered to 58, a new 57
    added. Revision 3: the fracción IX of 58 (the old 57's) reformed, and the new 57 too."""
    old_57 = article("57", "Corresponde a la Junta:", fraccion("art_57", "i", "Aprobar el programa;"),
                     fraccion("art_57", "ix", "Las demás que le confieran otras disposiciones."))
    moved = article("58", old_57.text, fraccion("art_58", "i", "Aprobar el programa;"),
                    fraccion("art_58", "ix", "Las demás que le confieran otras disposiciones."))
    new_57 = article("57", "La Junta sesionará cada trimestre.")
    reformed = article("58", old_57.text, fraccion("art_58", "i", "Aprobar el programa;"),
                       fraccion("art_58", "ix", "Las demás que le confieran las leyes."))
    new_57_reformed = article("57", "La Junta sesionará cada mes.")
    with store.transaction(engine) as conn:
        user = add_user(conn, "ana", "reader", "contraseña larga")
        doc = store.register_document(conn, LEY, _ley(old_57), BASE_DAY)
        store.apply_new_version(conn, doc, _ley(new_57, moved), [
            Change("art_58", ChangeType.RENUMBERED, "57", "58", from_label="art_57"),
            Change("art_57", ChangeType.ADDED, None, new_57.text)], RENUMBER_DAY)
        store.apply_new_version(conn, doc, _ley(new_57_reformed, reformed), [
            Change("art_58__frac_ix", ChangeType.MODIFIED, "Las demás que le confieran otras disposiciones.",
                   "Las demás que le confieran las leyes."),
            Change("art_57", ChangeType.MODIFIED, new_57.text, new_57_reformed.text)], LATER_DAY)
    return user.id, doc


def _seen(engine: Engine, user_id: int, since: date | None = None) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [(e.label, str(e.type)) for e in watched_changes(conn, user_id, since)]


def test_the_lineage_of_a_label() -> None:
    # (revision, new label, old label, change id); a watch knows the changes up to its mark
    moves = [(2, "art_58", "art_57", 20), (2, "art_59", "art_58", 21), (4, "art_60", "art_58", 40)]
    assert lineage("art_57__frac_ix", 10, moves) == (
        Segment("art_57__frac_ix", 0, 2), Segment("art_58__frac_ix", 2, 4, "art_58"),
        Segment("art_60__frac_ix", 4, None, "art_60"))
    assert lineage("art_58", 30, moves) == (Segment("art_58", 2, 4, "art_58"),
                                            Segment("art_60", 4, None, "art_60"))
    assert lineage("art_57", 21, moves) == (Segment("art_57", 0, None),)  # watched after it moved
    assert lineage("art_5", 0, moves) == (Segment("art_5", 0, None),)  # art_57 is not under art_5
    # what counts is when a renumbering was recorded, not its revision's number: one recorded
    # after the watch but put before it (in force sooner) still moves it
    sooner = [(2, "art_58", "art_57", 50), (3, "art_70", "art_69", 20)]
    assert lineage("art_57", 30, sooner) == (Segment("art_57", 0, 2), Segment("art_58", 2, None, "art_58"))


def test_a_provision_watch_survives_a_renumbering(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        user_id = add_user(conn, "luis", "reader", "contraseña larga").id
        old_57 = article("57", "Corresponde a la Junta:", fraccion("art_57", "ix", "Las demás."))
        doc = store.register_document(conn, LEY, _ley(old_57), BASE_DAY)
        on_57 = add_watch(conn, user_id, doc, "art_57")
        on_ix = add_watch(conn, user_id, doc, "art_57__frac_ix")
        only_ix = add_user(conn, "eva", "reader", "contraseña larga").id
        add_watch(conn, only_ix, doc, "art_57__frac_ix")
    # the renumbering comes after the watches were made
    moved = article("58", "Corresponde a la Junta:", fraccion("art_58", "ix", "Las demás."))
    new_57 = article("57", "La Junta sesionará cada trimestre.")
    reformed = article("58", "Corresponde a la Junta:", fraccion("art_58", "ix", "Las demás leyes."))
    with store.transaction(engine) as conn:
        store.apply_new_version(conn, doc, _ley(new_57, moved), [
            Change("art_58", ChangeType.RENUMBERED, "57", "58", from_label="art_57"),
            Change("art_57", ChangeType.ADDED, None, new_57.text)], RENUMBER_DAY)
        store.apply_new_version(conn, doc, _ley(new_57, reformed), [
            Change("art_58__frac_ix", ChangeType.MODIFIED, "Las demás.", "Las demás leyes.")], LATER_DAY)
        listed = watches(conn, user_id)
    assert [(w.id, w.label) for w in listed] == [(on_57.id, "art_58"), (on_ix.id, "art_58__frac_ix")]
    assert listed[0].document_title == LEY
    # the old 57's renumbering and its fracción's reform; never the new 57 that took its number
    assert _seen(engine, user_id) == [("art_58", "renumbered"), ("art_58__frac_ix", "modified")]
    # a fracción's watcher is told its artículo moved (which moved the fracción), and of its reform
    assert _seen(engine, only_ix) == [("art_58", "renumbered"), ("art_58__frac_ix", "modified")]


def test_a_watch_made_after_a_renumbering_is_about_the_provision_then(engine: Engine) -> None:
    user_id, doc = _renumbered_store(engine)
    with store.transaction(engine) as conn:
        new_57 = add_watch(conn, user_id, doc, "art_57")  # the new 57, watched at revision 3
        assert new_57.label == "art_57"
    assert _seen(engine, user_id) == [("art_57", "added"), ("art_57", "modified")]


def test_document_watches_since_limit_and_removal(engine: Engine) -> None:
    user_id, doc = _renumbered_store(engine)
    with store.transaction(engine) as conn:
        whole = add_watch(conn, user_id, doc)
        assert add_watch(conn, user_id, doc) == whole  # watching twice is one watch
        assert whole.label is None and whole.to_json()["document"] == LEY
        every = watched_changes(conn, user_id)
        latest = watched_changes(conn, user_id, limit=1)
        with pytest.raises(InputError):
            watched_changes(conn, user_id, limit=0)
        with pytest.raises(NotFound):
            add_watch(conn, user_id, doc, "art_99")
        with pytest.raises(NotFound):
            add_watch(conn, user_id, 999)
        with pytest.raises(NotFound):
            add_watch(conn, 999, doc)
        assert not remove_watch(conn, user_id + 1, whole.id)  # not theirs
        assert remove_watch(conn, user_id, whole.id)
        assert watched_changes(conn, user_id) == ()
    assert [e.label for e in every] == ["art_58", "art_57", "art_58__frac_ix", "art_57"]
    assert [e.date for e in every] == sorted(e.date for e in every)
    assert all(e.id > 0 for e in every)
    assert [(e.label, e.date) for e in latest] == [("art_57", LATER_DAY)]
    with store.transaction(engine) as conn:
        add_watch(conn, user_id, doc)
    assert _seen(engine, user_id, since=LATER_DAY) == [("art_58__frac_ix", "modified"),
                                                       ("art_57", "modified")]


def test_a_container_watch_matches_the_articles_it_holds(engine: Engine) -> None:
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        user_id = add_user(conn, "ana", "reader", "contraseña larga").id
        doc = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        add_watch(conn, user_id, doc, "cap_7__sec_1")  # holds art. 56 and 57, not prefixed by it
        store.apply_new_version(conn, doc, amended, changes, DECREE_DAY)
    assert _seen(engine, user_id) == [("art_57__frac_iv", "modified"), ("art_57__frac_iv-bis", "added"),
                                      ("art_57__frac_ix", "derogated")]


# --- search --------------------------------------------------------------------------------------
def _searchable(engine: Engine) -> int:
    units = Provision("cap_2", Kind.CAPITULO, "2", "Del Sistema de Información Estratégica", "", children=(
        article("10", "La información estratégica se publica en el portal del Instituto."),
        article("11", "El Instituto integra los datos de los censos."),
        article("12", "La Junta de Gobierno aprueba la información de interés nacional, la "
                      "información estratégica y la información geográfica del país."),
    ))
    with store.transaction(engine) as conn:
        return store.register_document(conn, LEY, Document(LEY, (units,)), BASE_DAY)


def test_search_ignores_accents_and_case_and_ranks(engine: Engine) -> None:
    doc = _searchable(engine)
    with engine.connect() as conn:
        hits = search(conn, "informacion")
        strategic = search(conn, "INFORMACIÓN estrategica")
        nothing = search(conn, "censos informacion")
        in_doc = search(conn, "censos", document_id=doc)
        elsewhere = search(conn, "censos", document_id=doc + 1)
        with pytest.raises(InputError):
            search(conn, "¿?")
        with pytest.raises(InputError):
            search(conn, "censos", limit=0)
    assert {h.label for h in hits} == {"cap_2", "art_10", "art_12"}
    assert hits[0].label == "art_12"  # three times the word ranks first
    assert {h.label for h in strategic} == {"cap_2", "art_10", "art_12"}
    assert nothing == ()
    assert [(h.label, h.document_title, h.valid_from) for h in in_doc] == [("art_11", LEY, BASE_DAY)]
    assert elsewhere == ()
    assert hits[0].snippet == ("La Junta de Gobierno aprueba la información de interés nacional, la "
                               "información estratégica y la información geográfica del país.")


def test_search_follows_new_versions(engine: Engine) -> None:
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        doc = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        assert [h.label for h in search(conn, "almacenes")] == ["art_57__frac_iv"]
        assert search(conn, "padron proveedores") == ()
        store.apply_new_version(conn, doc, amended, changes, DECREE_DAY)
        after = search(conn, "padrón de proveedores")
        supervised = search(conn, "supervisar almacenes")
        gone = search(conn, "confieran disposiciones juridicas")
        entries = conn.execute(select(s.search_entry.c.label)).scalars().all()
        if conn.dialect.name == "sqlite":  # the FTS5 index holds exactly the entries' text
            conn.execute(text("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"))
    assert [h.label for h in after] == ["art_57__frac_iv-bis"]
    assert after[0].valid_from == DECREE_DAY
    assert [h.label for h in supervised] == ["art_57__frac_iv"]
    assert gone == ()  # fracción IX now reads "Se deroga."
    assert len(entries) == len(set(entries))  # one entry per current version


def test_search_follows_a_revision_taken_back(engine: Engine) -> None:
    """Reprocessing drops a document's latest revision: its entries go, the reopened come back."""
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        doc = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        store.apply_new_version(conn, doc, amended, changes, DECREE_DAY)
        assert [h.label for h in search(conn, "padron proveedores")] == ["art_57__frac_iv-bis"]
        drop_latest_revision(conn, doc)
        assert search(conn, "padron proveedores") == ()
        assert [h.label for h in search(conn, "confieran disposiciones juridicas")] == ["art_57__frac_ix"]
        if conn.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"))


def test_snippets_cut_around_the_first_match() -> None:
    text = " ".join(["palabra"] * 40) + " Información Estratégica " + " ".join(["otra"] * 40)
    cut = snippet(text, ("informacion",), width=60)
    assert cut.startswith("…") and cut.endswith("…")
    assert "Información Estratégica" in cut and len(cut) <= 62
    assert snippet("Texto corto.", ("nada",)) == "Texto corto."
