"""A change that waits for its day (a declaratoria) is told in the digest once it applies, though
it kept the id it had while waiting, below the user's mark (SQLite and PostgreSQL). The editions
are ``test_timeline_scenario``'s from the local mirror: decree D (26/11/2024) waits for the
declaratoria of 03/12/2024."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, select
from test_identity_timeline import D, _changes, _sync
from test_mail_support import smtp_server
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)

from pipeline.digests import DigestRun, delivery, send_digests
from report.runs import digest_line
from scraper.mirror import serve_mirror
from store import schema, transaction
from store.users import add_user
from store.watch import add_watch


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def test_a_change_applied_by_its_declaratoria_goes_in_the_next_digest(engine: Engine,
                                                                      mirror_url: str) -> None:
    _sync(engine, mirror_url, "reglamento", "A", "B", "C")
    with transaction(engine) as conn:
        document = conn.execute(select(schema.document.c.id).order_by(schema.document.c.id)).scalars().first()
        assert document is not None
        ana = add_user(conn, "ana", "reader", "contraseña larga", email="ana@example.mx")
        add_watch(conn, ana.id, document)
    with smtp_server() as (inbox, port):
        send = delivery(f"smtp://127.0.0.1:{port}", None)

        def digest_on(day: date) -> list[str]:
            return [digest_line(o) for o in send_digests(engine, DigestRun(day, date(2024, 11, 1), send))]

        assert digest_on(date(2024, 11, 25))[0].startswith("ana: ")
        _sync(engine, mirror_url, "D")
        d_change, d_revision = _changes(engine)[(D, "art_3__frac_ii")]
        assert d_revision is None  # waiting: not in the change log, not told
        assert digest_on(date(2024, 11, 27)) == ["ana: sin cambios"]
        _sync(engine, mirror_url, "declaratoria")
        applied_change, applied_revision = _changes(engine)[(D, "art_3__frac_ii")]
        assert applied_change == d_change and applied_revision is not None  # the same id, below the mark
        lines = digest_on(date(2024, 12, 4))
        told = inbox.plain_texts()["ana@example.mx"]
    assert lines[0].startswith("ana: ") and "enviado" in lines[0]
    assert "  * artículo 3, fracción II: " in told and f"{D}" in told
