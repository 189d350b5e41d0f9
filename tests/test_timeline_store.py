"""The bitemporal store on its own (SQLite and PostgreSQL): rewinding and replaying revisions in
in-force order, abrogation, changes waiting for their day, and history across renumbering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Engine
from test_store_support import (  # noqa: F401  (fixtures)
    FRACCIONES_57,
    TITLE,
    base_document,
    db_url_fixture,
    engine_fixture,
    fraccion,
)

import store
from diffing import changes_between
from diffing.model import Change, ChangeType
from gazette import Edition, Notice, NoticeKind
from parser.model import Document
from store.api import Store
from store.timeline import abrogate, pending_changes, record_waiting, replay, rewind

REGISTERED = date(2024, 1, 1)


def _with_fracciones(document: Document, fracciones: dict[str, str]) -> Document:
    """``document`` with artículo 57's fracciones replaced by ``fracciones`` (number -> text)."""
    cap_1, cap_7 = document.provisions
    sec_1 = cap_7.children[0]
    art_56, art_57 = sec_1.children
    new_57 = replace(art_57, children=tuple(fraccion("art_57", n, t) for n, t in fracciones.items()))
    new_sec = replace(sec_1, children=(art_56, new_57))
    return Document(TITLE, (cap_1, replace(cap_7, children=(new_sec,))))


def _register(engine: Engine) -> int:
    with store.transaction(engine) as conn:
        return store.register_document(conn, TITLE, base_document(), REGISTERED)


def _apply(engine: Engine, document_id: int, fracciones: dict[str, str], day: date) -> None:
    with store.transaction(engine) as conn:
        current = store.current_document(conn, document_id)
        new = _with_fracciones(current, fracciones)
        store.apply_new_version(conn, document_id, new, changes_between(current, new), day)


def _text(engine: Engine, citation: str, day: str) -> str:
    return Store(engine).document(1).at(citation, day).text


def test_a_version_in_force_sooner_is_put_before_one_stored_first(engine: Engine) -> None:
    """Stored first: fracción I reformed from 2025-01-01. Then fracción II from 2024-06-01: the
    later revision is rewound, the sooner one applied, the later one replayed on top of it."""
    doc_id = _register(engine)
    later = {**FRACCIONES_57, "i": "Proponer y evaluar las políticas en materia de abasto;"}
    _apply(engine, doc_id, later, date(2025, 1, 1))
    with store.transaction(engine) as conn:
        taken = rewind(conn, doc_id, date(2024, 6, 1))
        assert [(t.valid_from, [c.label for c in t.changes]) for t in taken] == \
            [(date(2025, 1, 1), ["art_57__frac_i"])]
        current = store.current_document(conn, doc_id)
        sooner = _with_fracciones(current, {**FRACCIONES_57, "ii": "Coordinar las adquisiciones;"})
        store.apply_new_version(conn, doc_id, sooner, changes_between(current, sooner), date(2024, 6, 1))
        replay(conn, doc_id, taken)
    assert _text(engine, "57, fracción II", "2024-05-31") == "II. " + FRACCIONES_57["ii"]
    assert _text(engine, "57, fracción II", "2024-06-01") == "II. Coordinar las adquisiciones;"
    assert _text(engine, "57, fracción I", "2024-12-31") == "I. " + FRACCIONES_57["i"]
    on_2025 = Store(engine).document(1).at("57", "2025-01-01").text
    assert "Proponer y evaluar" in on_2025 and "Coordinar las adquisiciones;" in on_2025
    revisions = Store(engine).document(1).revisions()
    assert [(r.number, r.valid_from) for r in revisions] == [
        (1, REGISTERED), (2, date(2024, 6, 1)), (3, date(2025, 1, 1))]
    log = Store(engine).changes()
    assert [(e.valid_from, e.label, e.change.before) for e in log] == [   # no notices: by valid_from
        (date(2024, 6, 1), "art_57__frac_ii", FRACCIONES_57["ii"]),
        (date(2025, 1, 1), "art_57__frac_i", FRACCIONES_57["i"])]


def test_abrogation_marks_every_provision_once(engine: Engine) -> None:
    doc_id = _register(engine)
    _apply(engine, doc_id, {**FRACCIONES_57, "iv": "Administrar los almacenes;"}, date(2024, 9, 1))
    with store.transaction(engine) as conn:
        first = abrogate(conn, doc_id, date(2024, 7, 1), None)  # before the September version
        again = abrogate(conn, doc_id, date(2024, 8, 1), None)
    assert first.changed and not again.changed
    handle = Store(engine).document(1)
    assert str(handle.at("57, fracción IV", "2024-06-30").status) == "vigente"
    assert {str(p.status) for p in handle.text("2024-07-01").walk()} == {"abrogado"}
    assert handle.at("57, fracción IV", "2024-10-01").text == "IV. " + FRACCIONES_57["iv"]
    versions = handle.history("57, fracción IV")
    assert [(v.valid_from, str(v.change), str(v.status)) for v in versions] == [
        (REGISTERED, "None", "vigente"), (date(2024, 7, 1), "abrogated", "abrogado")]
    assert [(e.type, e.citation) for e in handle.changes(type="abrogated")] == [
        (ChangeType.ABROGATED, "todo el instrumento")]


def test_waiting_changes_are_pending_with_no_day_and_leave_the_text_alone(engine: Engine) -> None:
    doc_id = _register(engine)
    with store.transaction(engine) as conn:
        nid = store.save_notice(conn, _notice())
        change = Change("art_57__frac_ii", ChangeType.MODIFIED, "II. " + FRACCIONES_57["ii"],
                        "II. Coordinar las adquisiciones;")
        assert record_waiting(conn, doc_id, [change], nid, date(2024, 3, 1),
                              "pendiente: la fecha depende de una declaratoria") == 1
        assert [p.valid_from for p in pending_changes(conn, date(2024, 3, 1))] == [None]
        assert pending_changes(conn, date(2024, 2, 29)) == ()   # not published yet that day
    handle = Store(engine).document(1)
    assert handle.at("57, fracción II", "2030-01-01").text == "II. " + FRACCIONES_57["ii"]
    assert handle.changes() == ()          # the change log lists what entered the timeline
    versions = handle.history("57, fracción II")
    assert [v.to_json()["pending"] for v in versions] == [False, True]
    assert versions[-1].to_json()["valid_from"] is None
    assert versions[-1].reason == "pendiente: la fecha depende de una declaratoria"
    [waiting] = Store(engine).pending(on="2024-03-01", document=TITLE[:20])
    assert (waiting.citation, waiting.notice.codigo if waiting.notice else None) == \
        ("artículo 57, fracción II", "5740999")


def _notice() -> Notice:
    return Notice(codigo="5740999", date=date(2024, 3, 1), edition=Edition.MAT, section="", poder="",
                  issuer="", title="DECRETO por el que se reforma el Estatuto", url="",
                  kind=NoticeKind.AMENDS, document=TITLE)


def _renumber(engine: Engine, document_id: int, fracciones: dict[str, str], moved: dict[str, str],
              day: date) -> None:
    """A version where fracciones move (old number -> new number), declared as renumbered."""
    with store.transaction(engine) as conn:
        current = store.current_document(conn, document_id)
        new = _with_fracciones(current, fracciones)
        changes = [Change(f"art_57__frac_{new_n}", ChangeType.RENUMBERED, None, None,
                          from_label=f"art_57__frac_{old}") for old, new_n in moved.items()]
        labels = {c.label for c in changes}
        changes += [c for c in changes_between(current, new) if c.label not in labels]
        store.apply_new_version(conn, document_id, new, changes, day)


def test_history_follows_a_provision_across_renumbering_both_ways(engine: Engine) -> None:
    """Fracción IV becomes V (no new IV): the history of V starts with the versions of IV, and
    the history of IV goes on with those of V; each version says its label then."""
    doc_id = _register(engine)
    _apply(engine, doc_id, {**FRACCIONES_57, "iv": "Administrar los almacenes;"}, date(2024, 2, 1))
    moved = {k: v for k, v in FRACCIONES_57.items() if k != "iv"}
    moved = {"i": moved["i"], "ii": moved["ii"], "iii": moved["iii"], "v": "Administrar los almacenes;",
             "ix": moved["ix"]}
    _renumber(engine, doc_id, moved, {"iv": "v"}, date(2024, 3, 1))
    handle = Store(engine).document(1)
    expected = [("art_57__frac_iv", REGISTERED, "IV. " + FRACCIONES_57["iv"]),
                ("art_57__frac_iv", date(2024, 2, 1), "IV. Administrar los almacenes;"),
                ("art_57__frac_v", date(2024, 3, 1), "V. Administrar los almacenes;")]
    for citation in ("57, fracción V", "57, fracción IV"):
        versions = handle.history(citation)
        assert [(v.label, v.valid_from, v.text) for v in versions] == expected, citation
    assert [v.to_json()["label"] for v in handle.history("57, fracción V")] == [
        "art_57__frac_iv", "art_57__frac_iv", "art_57__frac_v"]


def test_a_new_provision_under_a_moved_label_has_its_own_history(engine: Engine) -> None:
    """IV moves to V and a new IV is added: "fracción IV" is the new one (its label's latest
    provision); the old IV's versions belong to fracción V."""
    doc_id = _register(engine)
    fracciones = {"i": FRACCIONES_57["i"], "ii": FRACCIONES_57["ii"], "iii": FRACCIONES_57["iii"],
                  "iv": "Integrar el padrón de proveedores;", "v": FRACCIONES_57["iv"],
                  "ix": FRACCIONES_57["ix"]}
    _renumber(engine, doc_id, fracciones, {"iv": "v"}, date(2024, 3, 1))
    handle = Store(engine).document(1)
    assert [(v.label, v.text) for v in handle.history("57, fracción IV")] == [
        ("art_57__frac_iv", "IV. Integrar el padrón de proveedores;")]
    assert [v.label for v in handle.history("57, fracción V")] == ["art_57__frac_iv", "art_57__frac_v"]

