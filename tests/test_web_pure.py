"""The web application's pure pieces: query parameters, redline HTML, document comparison,
outline rows; and the plain functions behind ``serve`` and ``user add|token``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from diffing import DiffOp, redline
from errors import InputError
from parser.model import Document, Kind, Provision, Status
from store.paging import Cursor
from web.commands import is_loopback, serve, user_add, user_token
from web.params import ChangeFilters, parse_day
from web.render import compare_documents, inline_html, outline_rows, side_html, version_changes


@pytest.mark.parametrize(("written", "day"), [
    ("2024-05-15", date(2024, 5, 15)), ("15/05/2024", date(2024, 5, 15)), ("1/2/2024", date(2024, 2, 1)),
    (" ", None), (None, None)])
def test_dates_are_read_either_way(written: str | None, day: date | None) -> None:
    assert parse_day(written, "desde") == day


@pytest.mark.parametrize("written", ["31/02/2024", "2024-13-01", "mañana", "15-05-2024"])
def test_a_bad_date_says_so_in_spanish(written: str) -> None:
    with pytest.raises(InputError, match="no es una fecha válida para «desde»"):
        parse_day(written, "desde")


def test_filters_round_trip_through_their_query_string() -> None:
    """Links carry the filters and where the page starts (a cursor), never a page number."""
    filters = ChangeFilters.from_args({"since": "15/05/2024", "type": "derogated", "state": "revisada",
                                       "document": " imss ", "page": "3"})
    assert filters.page == 3 and filters.query() == {"since": "2024-05-15", "type": "derogated",
                                                     "state": "revisada", "document": "imss"}
    after = Cursor(date(2024, 5, 15), 812)
    assert filters.query(after=after) == {**filters.query(), "after": "2024-05-15_812"}
    assert ChangeFilters.from_args(filters.query(after=after)) == replace(filters, page=1, after=after)
    assert ChangeFilters.from_args(filters.query(before=after)) == replace(filters, page=1, before=after)


def test_redline_html_escapes_gazette_text() -> None:
    diff = redline("Artículo <b>1</b> & más", "Artículo <script>alert(1)</script> & más")
    html = str(inline_html(diff))
    assert set(re.findall(r"</?(\w+)", html)) == {"del", "ins"}  # the text's own tags are escaped
    before, after = str(side_html(diff, DiffOp.DELETE)), str(side_html(diff, DiffOp.INSERT))
    assert set(re.findall(r"</?(\w+)", before)) == {"del"} and set(re.findall(r"</?(\w+)", after)) == {"ins"}
    assert re.sub(r"</?del>", "", before) == "Artículo &lt;b&gt;1&lt;/b&gt; &amp; más"
    assert re.sub(r"</?ins>", "", after) == "Artículo &lt;script&gt;alert(1)&lt;/script&gt; &amp; más"


def _law(*articles: tuple[str, str]) -> Document:
    return Document("Ley", (Provision("cap_1", Kind.CAPITULO, "1", "Disposiciones", "", children=tuple(
        Provision(f"art_{n}", Kind.ARTICULO, n, "", text,
                  Status.DEROGADO if text == "Se deroga." else Status.VIGENTE) for n, text in articles)),))


def test_a_document_compared_unit_by_unit() -> None:
    before = _law(("1", "Uno."), ("2", "Dos."), ("3", "Tres."))
    after = _law(("1", "Uno."), ("2", "Se deroga."), ("4", "Cuatro."))
    units = compare_documents(before, after)
    assert [(u.label, u.before, u.after) for u in units] == [
        ("art_2", "Artículo 2.- Dos.", "Artículo 2.- Se deroga."), ("art_4", "", "Artículo 4.- Cuatro."),
        ("art_3", "Artículo 3.- Tres.", "")]
    assert compare_documents(before, before) == ()


def test_outline_rows_keep_the_containers_and_mark_derogations() -> None:
    rows = outline_rows(_law(("1", "Uno."), ("2", "Se deroga.")))
    assert [(r.depth, r.title, r.linkable, r.derogated) for r in rows] == [
        (0, "Capítulo 1", False, False), (1, "Artículo 1", True, False), (1, "Artículo 2", True, True)]


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("10.0.0.5", False),
    ("dof.example", False)])
def test_only_loopback_hosts_serve_cookies_without_https(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_user_commands_make_users_and_tokens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.sqlite'}"
    made = user_add(url, "ana", "reviewer", "una-contraseña-larga")
    assert made == "usuario «ana» creado con el rol reviewer"
    first, second = user_token(url, "ana"), user_token(url, "ana")
    assert len(first) >= 32 and first != second
    with pytest.raises(InputError):
        user_add(url, "ana", "reviewer", "otra-contraseña-larga")
    with pytest.raises(InputError):
        user_add(url, "beto", "jefe", "una-contraseña-larga")


def test_serve_refuses_bad_worker_and_port_counts() -> None:
    with pytest.raises(InputError, match="--workers"):
        serve(None, "127.0.0.1", 8000, workers=0)
    with pytest.raises(InputError, match="--port"):
        serve(None, "127.0.0.1", 70000)


def _article(*fracciones: str, text: str = "Corresponde a la Dirección:") -> Provision:
    return Provision("art_5", Kind.ARTICULO, "5", "", text, children=tuple(
        Provision(f"art_5__frac_{roman}", Kind.FRACCION, roman.upper(), "", body)
        for roman, body in zip(("i", "ii", "iii"), fracciones, strict=False)))


def test_a_version_shows_only_the_units_that_changed() -> None:
    before = _article("Planear.", "Dirigir.", "Evaluar.")
    reformed = _article("Planear.", "Dirigir y coordinar.", "Evaluar.")
    changes = version_changes(before, reformed)
    assert [u.label for u in changes] == ["art_5__frac_ii"]
    assert str(inline_html(changes[0].diff)) == "Dirigir<ins> y coordinar</ins>."
    shorter = version_changes(before, _article("Planear.", "Dirigir.", text="Le corresponde:"))
    assert [(u.label, u.citation) for u in shorter] == [
        ("art_5", "artículo 5"), ("art_5__frac_iii", "artículo 5, fracción III")]
    assert version_changes(before, before) == ()
    [first] = version_changes(None, before)
    assert first.label == "art_5" and first.diff[0][0] is DiffOp.INSERT
