"""Atom feeds and the daily digest: the feed parses with feedparser and carries each change's
redline and links; a digest reaches a real local SMTP server, or a real notify command."""

from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path

import feedparser
import pytest
from sqlalchemy import Engine
from test_mail_support import free_port, smtp_server
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
from errors import DeliveryError, InputError, NotFound
from gazette import Edition, Notice, NoticeKind
from report.digest import build_digest, digest_for
from store.users import add_user
from store.watch import add_watch, watched_changes
from web.atom import changes_feed
from web.mail import send_digest

NOTICE = Notice("5727205", date(2024, 5, 15), Edition.MAT, "PRIMERA", "PODER EJECUTIVO",
                "SECRETARIA DE SALUD",
                "MODIFICACIÓN al Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR <b>",
                "https://dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024", NoticeKind.AMENDS)
BASE = "https://dof.example.org"


def _watched_store(engine: Engine, email_address: str | None = "ana@example.org") -> int:
    """The Estatuto, watched whole by ana, then amended by the 15/05/2024 notice."""
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        user = add_user(conn, "ana", "reviewer", "contraseña larga", email=email_address)
        doc = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        add_watch(conn, user.id, doc)
        notice_id = store.save_notice(conn, NOTICE, document_id=doc)
        store.apply_new_version(conn, doc, amended, changes, DECREE_DAY, notice_id)
    return user.id


# --- Atom ----------------------------------------------------------------------------------------
def test_the_feed_parses_and_carries_each_change_with_its_redline_and_links(engine: Engine) -> None:
    user_id = _watched_store(engine)
    with engine.connect() as conn:
        entries = watched_changes(conn, user_id)
    body = changes_feed("Cambios que sigo", f"{BASE}/feeds/watchlist.atom", entries, BASE + "/")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Cambios que sigo"
    assert feed.feed.id == f"{BASE}/feeds/watchlist.atom"
    assert feed.feed.author == "dof-tracker"
    assert feed.feed.updated == "2024-05-15T00:00:00-06:00"
    assert len(feed.entries) == len(entries) == 5
    by_title = {e.title.split(":")[0]: e for e in feed.entries}
    reformed = by_title["artículo 57, fracción IV"]
    assert reformed.title.startswith("artículo 57, fracción IV: reformado — Estatuto Orgánico")
    assert reformed.id == f"tag:dof.example.org,2024:change/{entries[0].id}"
    links = {link.rel: link.href for link in reformed.links}
    assert links == {"alternate": f"{BASE}/documents/1/provisions/art_57__frac_iv",
                     "related": NOTICE.url}
    html = reformed.content[0].value
    assert reformed.content[0].type == "text/html"
    assert "Administrar <ins>y supervisar </ins>los almacenes del organismo;" in html
    assert "MODIFICACIÓN al Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR &lt;b&gt;" in html
    assert f'<a href="{BASE}/documents/1/provisions/art_57__frac_iv">' in html
    derogated = by_title["artículo 57, fracción IX"]
    assert ("<del>Las demás que le confieran otras disposiciones jurídicas</del><ins>Se deroga</ins>."
            in derogated.content[0].value)
    assert {e.id for e in feed.entries} == {f"tag:dof.example.org,2024:change/{e.id}" for e in entries}
    # the XML itself escapes the HTML: no raw markup from the gazette in the feed
    assert b"<b>" not in body and b"&lt;ins&gt;" in body


def test_an_empty_feed_is_still_valid_atom() -> None:
    feed = feedparser.parse(changes_feed("Nada", "https://x.example/feeds/changes.atom", [], "https://x.example"))
    assert not feed.bozo and feed.version == "atom10" and feed.entries == []
    assert feed.feed.updated  # required by RFC 4287


# --- the digest ----------------------------------------------------------------------------------
def test_the_digest_tells_what_changed_since_a_day(engine: Engine) -> None:
    user_id = _watched_store(engine)
    with engine.connect() as conn:
        digest = digest_for(conn, user_id, date(2024, 5, 1), base_url=BASE)
        later = digest_for(conn, user_id, date(2024, 6, 1))
        with pytest.raises(NotFound):
            digest_for(conn, 999, date(2024, 5, 1))
    assert later is None
    assert digest is not None
    assert digest.subject == "DOF: 5 cambios en lo que sigue desde el 01/05/2024"
    lines = digest.text.splitlines()
    assert lines[:4] == ["Hola, ana:", "", "5 cambios en lo que sigue, publicados desde el 01/05/2024.", ""]
    assert lines[4] == TITLE
    assert ("  * artículo 57, fracción IV: reformado, DOF 15/05/2024 matutina 5727205, vigente desde el "
            "16/05/2024") in lines
    assert "    Administrar {+y supervisar +}los almacenes del organismo;" in lines
    assert f"    Historia: {BASE}/documents/1/provisions/art_57__frac_iv" in lines
    assert f"    Nota del DOF: {NOTICE.url}" in lines
    assert "<ins>y supervisar </ins>" in digest.html and "&lt;b&gt;" not in digest.html  # title not shown
    assert build_digest(digest.user, date(2024, 5, 1), ()) is None


def test_a_digest_reaches_the_local_smtp_server(engine: Engine) -> None:
    user_id = _watched_store(engine)
    with engine.connect() as conn:
        digest = digest_for(conn, user_id, date(2024, 5, 1), base_url=BASE)
    assert digest is not None
    with smtp_server() as (inbox, port):
        send_digest(digest, smtp_url=f"smtp://127.0.0.1:{port}", sender="avisos@dof.example.org")
    [(sender, recipients, message)] = inbox.messages
    assert (sender, recipients) == ("avisos@dof.example.org", ["ana@example.org"])
    assert message["Subject"] == digest.subject
    plain_part = message.get_body(("plain",))
    html_part = message.get_body(("html",))
    assert plain_part is not None and html_part is not None
    # SMTP carries lines ending in CRLF
    assert plain_part.get_content().replace("\r\n", "\n") == digest.text
    assert html_part.get_content().replace("\r\n", "\n") == digest.html


def test_smtp_failures_and_misuse_are_clear_errors(engine: Engine) -> None:
    user_id = _watched_store(engine, email_address=None)
    with engine.connect() as conn:
        digest = digest_for(conn, user_id, date(2024, 5, 1))
    assert digest is not None
    with pytest.raises(InputError, match="no tiene dirección de correo"):
        send_digest(digest, smtp_url="smtp://127.0.0.1:25")
    with pytest.raises(InputError, match="uno de los dos"):
        send_digest(digest)
    with_address = build_digest(store.users.User(1, "ana", store.users.Role.READER, digest.user.created_at,
                                                 "ana@example.org"), digest.since, digest.entries)
    assert with_address is not None
    with pytest.raises(DeliveryError, match="smtp://127.0.0.1") as raised:
        send_digest(with_address, smtp_url=f"smtp://ana:secreto@127.0.0.1:{free_port()}", timeout=5)
    assert "secreto" not in str(raised.value)
    with pytest.raises(InputError, match="URL de SMTP"):
        send_digest(with_address, smtp_url="http://127.0.0.1:25")


def test_a_digest_goes_through_a_real_notify_command(engine: Engine, tmp_path: Path) -> None:
    user_id = _watched_store(engine)
    with engine.connect() as conn:
        digest = digest_for(conn, user_id, date(2024, 5, 1))
    assert digest is not None
    out = tmp_path / "aviso.txt"
    script = ("import os, sys; open(sys.argv[1], 'w', encoding='utf-8').write("
              "os.environ['DOF_TRACKER_STATUS'] + '|' + os.environ['DOF_TRACKER_USER'] + '|' + "
              "os.environ['DOF_TRACKER_SUBJECT'] + '\\n' + sys.stdin.read())")
    send_digest(digest, notify_command=shlex.join([sys.executable, "-c", script, str(out)]))
    first, rest = out.read_text(encoding="utf-8").split("\n", 1)
    assert first == f"digest|ana|{digest.subject}"
    assert rest == digest.text
    failing = shlex.join([sys.executable, "-c", "import sys; sys.stderr.write('sin red'); sys.exit(3)"])
    with pytest.raises(DeliveryError, match="terminó con 3: sin red"):
        send_digest(digest, notify_command=failing)
    with pytest.raises(DeliveryError):
        send_digest(digest, notify_command=str(tmp_path / "no-such-command"))
