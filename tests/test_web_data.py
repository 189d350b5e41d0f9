"""The web application's data on both backends: users and tokens, the review trail, and the 0005
migration (up and down, with data)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, inspect, select, text, update
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    TITLE,
    amended_document,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from diffing.model import Discrepancy, DiscrepancyKind
from errors import InputError, NotFound, PermissionDenied
from gazette import Edition, Notice, NoticeKind
from store import schema as s
from store.review import (
    ReviewState,
    current_states,
    discrepancies,
    ids_in_state,
    in_state,
    set_review,
    trail,
)
from store.search import is_index_table, search
from store.users import (
    Role,
    User,
    add_user,
    authenticate,
    get_user,
    issue_token,
    user_for_token,
    users,
)

NOTICE = Notice("5727205", date(2024, 5, 15), Edition.MAT, "PRIMERA", "PODER EJECUTIVO", "IMSS-BIENESTAR",
                "MODIFICACIÓN al Estatuto Orgánico", "https://dof.gob.mx/nota_detalle.php?codigo=5727205",
                NoticeKind.AMENDS)


def _amended_store(engine: Engine) -> tuple[int, list[int]]:
    """The small Estatuto, its amendment applied, one discrepancy recorded: (document, change ids)."""
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        store.apply_new_version(conn, document_id, amended, changes, DECREE_DAY)
        notice_id = store.save_notice(conn, NOTICE, document_id=document_id)
        store.record_discrepancies(conn, document_id, notice_id, [Discrepancy(
            DiscrepancyKind.UNDECLARED_CHANGE, "art_57-bis", "el texto añade el artículo 57 Bis")])
        ids = list(conn.execute(select(s.change.c.id).order_by(s.change.c.id)).scalars())
    return document_id, ids


# --- users ---------------------------------------------------------------------------------------
def test_users_are_added_validated_and_listed(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        ana = add_user(conn, "Ana", "reviewer", "contraseña larga", email="ana@example.org")
        luis = add_user(conn, "luis", Role.READER, "otra contraseña")
        with pytest.raises(InputError, match="ya existe"):
            add_user(conn, "ANA", "admin", "una más larga")
        for name in ("", "a", "con espacio", "x" * 65, "-guion"):
            with pytest.raises(InputError, match="nombre de usuario"):
                add_user(conn, name, "reader", "contraseña larga")
        with pytest.raises(InputError, match="rol desconocido"):
            add_user(conn, "eva", "superuser", "contraseña larga")
        with pytest.raises(InputError, match="al menos 8"):
            add_user(conn, "eva", "reader", "corta")
        with pytest.raises(InputError, match="correo"):
            add_user(conn, "eva", "reader", "contraseña larga", email="no es correo")
        assert users(conn) == (ana, luis)
        assert get_user(conn, ana.id) == ana
        assert get_user(conn, 999) is None
    assert (ana.name, ana.role, ana.email) == ("ana", Role.REVIEWER, "ana@example.org")
    assert ana.created_at.tzinfo is not None
    with engine.connect() as conn:  # only an argon2id hash is stored
        stored = conn.execute(select(s.app_user.c.password_hash).order_by(s.app_user.c.id)).scalars().first()
    assert stored.startswith("$argon2id$") and "contraseña" not in stored


def test_authenticate_takes_the_right_password_only_and_rehashes_old_hashes(engine: Engine) -> None:
    from argon2 import PasswordHasher

    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "reader", "contraseña larga")
        assert authenticate(conn, "ana", "contraseña larga") == ana
        assert authenticate(conn, " ANA ", "contraseña larga") == ana
        assert authenticate(conn, "ana", "contraseña corta") is None
        assert authenticate(conn, "nadie", "contraseña larga") is None
        assert authenticate(conn, "", "x") is None
        longest = add_user(conn, "eva", "reader", "x" * 1024)
        assert authenticate(conn, "eva", "x" * 1024) == longest
        assert authenticate(conn, "eva", "x" * 1025) is None  # not cut down to a match
        weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("contraseña larga")
        conn.execute(update(s.app_user).where(s.app_user.c.id == ana.id).values(password_hash=weak))
        assert authenticate(conn, "ana", "contraseña larga") == ana
        rehashed = conn.execute(select(s.app_user.c.password_hash)
                                .where(s.app_user.c.id == ana.id)).scalar_one()
    assert rehashed != weak and "m=65536" in rehashed


def test_a_token_works_until_a_new_one_replaces_it(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "reader", "contraseña larga")
        luis = add_user(conn, "luis", "reader", "contraseña larga")
        first = issue_token(conn, "ana")
        luis_token = issue_token(conn, "luis")
        assert user_for_token(conn, first) == ana
        second = issue_token(conn, "Ana")
        assert second != first
        assert user_for_token(conn, first) is None
        assert user_for_token(conn, second) == ana
        assert user_for_token(conn, luis_token) == luis
        assert user_for_token(conn, "") is None
        assert user_for_token(conn, second[:-1]) is None
        with pytest.raises(InputError, match="no existe el usuario"):
            issue_token(conn, "nadie")
        stored = set(conn.execute(select(s.api_token.c.token_hash)).scalars())
    assert second not in stored and len(stored) == 2


# --- review --------------------------------------------------------------------------------------
def test_a_reader_cannot_set_a_review_state(engine: Engine) -> None:
    _, ids = _amended_store(engine)
    with store.transaction(engine) as conn:
        luis = add_user(conn, "luis", "reader", "contraseña larga")
        with pytest.raises(PermissionDenied, match="rol reader"):
            set_review(conn, "change", ids[0], "revisada", luis, "visto")
        # a user object claiming a role it no longer has is judged by the stored role
        ana = add_user(conn, "ana", "reviewer", "contraseña larga")
        conn.execute(update(s.app_user).where(s.app_user.c.id == ana.id).values(role="reader"))
        with pytest.raises(PermissionDenied):
            set_review(conn, "change", ids[0], "revisada", ana, "")
        assert trail(conn, "change", ids[0]) == ()


def test_the_trail_keeps_every_transition_in_order(engine: Engine) -> None:
    _, ids = _amended_store(engine)
    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "reviewer", "contraseña larga")
        eva = add_user(conn, "eva", "admin", "contraseña larga")
        set_review(conn, "change", ids[0], "requiere_atencion", ana, "¿falta el transitorio?")
        set_review(conn, "change", ids[0], ReviewState.REVISADA, eva, "  confirmado con el DOF  ")
        set_review(conn, "change", ids[1], "revisada", ana, None)
        history = trail(conn, "change", ids[0])
        states = current_states(conn, "change", ids)
        with pytest.raises(InputError, match="estado de revisión"):
            set_review(conn, "change", ids[0], "aprobada", ana, "")
        with pytest.raises(NotFound, match="ningún cambio"):
            set_review(conn, "change", 10_000, "revisada", ana, "")
        with pytest.raises(InputError, match="objeto de revisión"):
            set_review(conn, "notice", ids[0], "revisada", ana, "")
        with pytest.raises(InputError, match="nota de revisión"):
            set_review(conn, "change", ids[0], "revisada", ana, "x" * 5000)
    assert [(e.state, e.user, e.note) for e in history] == [
        (ReviewState.REQUIERE_ATENCION, "ana", "¿falta el transitorio?"),
        (ReviewState.REVISADA, "eva", "confirmado con el DOF")]
    assert history[0].at <= history[1].at <= datetime.now(UTC)
    assert {i: e.state for i, e in states.items()} == {ids[0]: "revisada", ids[1]: "revisada"}
    assert states[ids[0]] == history[-1]
    assert history[0].to_json()["state"] == "requiere_atencion"


def test_states_filter_changes_and_discrepancies(engine: Engine) -> None:
    _, ids = _amended_store(engine)
    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "reviewer", "contraseña larga")
        set_review(conn, "change", ids[0], "revisada", ana, "")
        set_review(conn, "change", ids[1], "revisada", ana, "")
        set_review(conn, "change", ids[1], "requiere_atencion", ana, "revisar de nuevo")
        set_review(conn, "change", ids[2], "revisada", ana, "")
        set_review(conn, "change", ids[2], "nueva", ana, "reabierta")
        discrepancy = conn.execute(select(s.discrepancy.c.id)).scalar_one()
        set_review(conn, "discrepancy", discrepancy, "revisada", ana, "el artículo sí se añadió")
        reviewed = ids_in_state(conn, "change", "revisada")
        attention = ids_in_state(conn, "change", "requiere_atencion")
        new = ids_in_state(conn, "change", "nueva")
        new_among = ids_in_state(conn, "change", "nueva", among=ids[:3])
        open_discrepancies = ids_in_state(conn, "discrepancy", "nueva")
        queue = discrepancies(conn)
        unreviewed = discrepancies(conn, state="nueva")
        of_other_document = discrepancies(conn, document_id=999)
        entries = store.api._changes(conn, [in_state("change", "requiere_atencion")])
    assert reviewed == (ids[0],)
    assert attention == (ids[1],)
    assert new == (ids[2], *ids[3:]) and new_among == (ids[2],)
    assert open_discrepancies == () and unreviewed == () and of_other_document == ()
    assert [(q.id, q.kind, q.label, q.document, q.notice) for q in queue] == [
        (discrepancy, "undeclared_change", "art_57-bis", TITLE, NOTICE)]
    assert queue[0].to_json()["detail"] == "el texto añade el artículo 57 Bis"
    assert [e.id for e in entries] == [ids[1]]


# --- the migration -------------------------------------------------------------------------------
WEB_TABLES = {"app_user", "api_token", "review_event", "watch", "search_entry"}


def _tables(engine: Engine) -> set[str]:
    return {t for t in inspect(engine).get_table_names() if not is_index_table(t)} - {"alembic_version"}


def test_0005_indexes_an_existing_store_and_downgrades_with_data(db_url: str) -> None:
    engine = store.open_engine(db_url, migrate=False)
    try:
        store.upgrade(engine, "0003")
        with store.transaction(engine) as conn:  # a store made before the web tables existed
            conn.execute(text("INSERT INTO document (title, search_title, kind, created_at) VALUES "
                              "('Ley de Información Estratégica', 'ley de informacion estrategica', '', "
                              "'2024-01-01 00:00:00+00:00')"))
            conn.execute(text("INSERT INTO document_version (document_id, number, valid_from, top, digest, "
                              "created_at) VALUES (1, 1, '2024-01-01', '[\"art_1\"]', 'x', "
                              "'2024-01-01 00:00:00+00:00')"))
            conn.execute(text("INSERT INTO provision_version (document_id, label, kind, number, heading, "
                              "text, status, annotations, children, digest, rev_from, valid_from) VALUES "
                              "(1, 'art_1', 'articulo', '1', '', 'Del Sistema de Información Estratégica.', "
                              "'vigente', '[]', '[]', 'd', 1, '2024-01-01')"))
        assert WEB_TABLES.isdisjoint(_tables(engine))
        store.upgrade(engine)
        assert _tables(engine) >= WEB_TABLES
        with store.transaction(engine) as conn:
            assert [h.label for h in search(conn, "informacion")] == ["art_1"]
            ana = add_user(conn, "ana", "reviewer", "contraseña larga")
            issue_token(conn, "ana")
        store.downgrade(engine, "0003")
        assert WEB_TABLES.isdisjoint(_tables(engine))
        assert not any(is_index_table(t) for t in inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM provision_version")).scalar_one() == 1
        store.upgrade(engine)
        with store.transaction(engine) as conn:
            assert users(conn) == ()
            assert [h.label for h in search(conn, "ESTRATEGICA")] == ["art_1"]
            assert add_user(conn, "ana", "reviewer", "contraseña larga").name == ana.name
    finally:
        engine.dispose()


def test_a_user_value_round_trips(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "admin", "contraseña larga")
    assert isinstance(ana, User) and repr(ana) == f"<User {ana.id} ana (admin)>"
    assert ana.role.can_review and not Role.READER.can_review
