"""DofSource end to end against the local mirror, and the SIDOF cross-check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from errors import InputError, ParseError, SanityError
from gazette import Capture, Edition, NoticeKind
from scraper.harvest import FetchFailed, SidofCheck, cross_check, fetch_edition, fetch_sidof_check
from scraper.http import Fetcher, FetchPolicy
from scraper.mirror import FIXTURES, FaultPlan, serve_mirror
from scraper.sidof import SidofDay, SidofEntry, parse_sidof_notes, reconcile
from scraper.sources import DofSource, allowed_origins, finish_notice, open_fetcher, source_base

POLICY = FetchPolicy(delay=0, backoff_base=0.001, attempts=4)


def test_urls_keep_their_real_form() -> None:
    source = DofSource(Fetcher(POLICY))
    assert source.edition_url(date(2024, 5, 15), Edition.VES) == (
        "https://www.dof.gob.mx/index_111.php?year=2024&month=05&day=15&edicion=VES")
    assert source.note_url("5727205") == "https://sidof.segob.gob.mx/notas/docFuente/5727205"
    assert source.sidof_notes_url(date(2024, 5, 15)) == (
        "https://sidof.segob.gob.mx/dof/sidof/notas/15-05-2024")
    assert source.detail_url("5727205", date(2024, 5, 15)) == (
        "https://www.dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024")
    mirrored = DofSource(Fetcher(POLICY, allowed=allowed_origins("http://127.0.0.1:8000/")),
                         "http://127.0.0.1:8000/")
    assert mirrored.note_url("1") == "http://127.0.0.1:8000/notas/docFuente/1"
    with pytest.raises(InputError):
        mirrored.note_url("1/../../x")


@pytest.mark.parametrize("bad", ["http://127.0.0.1:8000/dof", "http://h/?a=1", "ftp://h",
                                 "http://u:p@h/"])
def test_bad_source_urls(bad: str) -> None:
    with pytest.raises(InputError):
        source_base(bad)


def test_source_needs_a_fetcher_allowed_to_reach_it() -> None:
    with pytest.raises(InputError):
        DofSource(Fetcher(POLICY), "http://127.0.0.1:9")


def test_one_day_through_the_mirror() -> None:
    captures: list[Capture] = []
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY, captures.append), mirror.base_url)
        index = source.edition(date(2024, 5, 15), Edition.MAT)
        notes = {n.codigo: source.note(n.codigo) for n in index.notices}
        sidof = source.sidof_notes(date(2024, 5, 15))
        assert not source.edition(date(2024, 5, 15), Edition.VES).published
        assert not source.edition(date(2024, 5, 19), Edition.MAT).published
    assert len(index.notices) == 8 and index.url.startswith(mirror.base_url)
    assert notes["5727205"].title.startswith("MODIFICACIÓN al Estatuto Orgánico")
    assert notes["5727212"].image_only
    agreement = reconcile(frozenset(notes), sidof, Edition.MAT)
    assert agreement.agrees  # AV aviso, stub and twin are not counted against the index
    assert "5727220" in sidof.codigos(Edition.MAT, indexed_only=False)
    assert len(captures) == 1 + 1 + 8 + 1 + 2  # robots, index, notes, SIDOF list, two no-edition


def test_truncated_titles_are_completed_from_the_body() -> None:
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY), mirror.base_url)
        index = source.edition(date(2024, 5, 14), Edition.VES)
        cut = next(n for n in index.notices if n.codigo in index.truncated)
        whole = finish_notice(cut, source.note(cut.codigo), truncated=True)
    assert cut.title.endswith("a los com")
    assert whole.title.endswith("del 18 al 24 de mayo de 2024.") and whole.codigo == cut.codigo


def test_errata_keep_their_kind_after_the_body_title() -> None:
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY), mirror.base_url)
        index = source.edition(date(2024, 5, 17), Edition.MAT)
        finished = [finish_notice(n, source.note(n.codigo), n.codigo in index.truncated)
                    for n in index.notices]
    kinds = {n.codigo: (n.kind, n.document) for n in finished}
    assert kinds["5727402"][0] is NoticeKind.ERRATA
    assert kinds["5727402"][1] == ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano "
                                   "del Seguro Social para el Bienestar (IMSS-BIENESTAR)")
    assert kinds["5727401"][0] is NoticeKind.ABROGATES


def test_wrong_day_pages_are_refetched_then_refused() -> None:
    with serve_mirror(plan=FaultPlan(rates={"wrong_day": 1.0})) as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY), mirror.base_url)
        with pytest.raises(SanityError, match="se pidió el 2024-05-15"):
            source.edition(date(2024, 5, 15), Edition.MAT)
        assert mirror.counters.kinds["index"] == POLICY.attempts


def test_sidof_errors_are_parse_errors() -> None:
    with pytest.raises(ParseError):
        parse_sidof_notes('{"messageCode":400,"response":"BAD_REQUEST"}', date(2024, 5, 15))
    with pytest.raises(ParseError):
        parse_sidof_notes("<html>", date(2024, 5, 15))


# --- the cross-check as the pipeline runs it: once a day, never failing an edition -------------
DAY = date(2024, 5, 15)


def _listed(*entries: tuple[str, Edition, str]) -> SidofCheck:
    return SidofCheck(DAY, SidofDay(DAY, tuple(SidofEntry(codigo, f"nota {codigo}", edition, poder_code=poder)
                                               for codigo, edition, poder in entries)))


def test_cross_check_warns_about_each_side_of_a_disagreement() -> None:
    check = _listed(("1", Edition.MAT, "PE"), ("2", Edition.MAT, "PE"), ("9", Edition.MAT, "AV"),
                    ("5", Edition.VES, "PE"))
    agree, quiet = cross_check(check, Edition.MAT, True, frozenset({"1", "2"}))
    assert agree is not None and agree.agrees and quiet == ()  # the AV aviso is not the index's
    found, warnings = cross_check(check, Edition.MAT, True, frozenset({"1", "3"}))
    assert found is not None and (found.only_in_sidof, found.only_in_index) == ({"2"}, {"3"})
    assert warnings == ("SIDOF lista 1 nota de esta edición que el índice no tiene: 2",
                        "el índice lista 1 nota que SIDOF no tiene: 3")
    _, unpublished = cross_check(check, Edition.VES, False, frozenset())
    assert unpublished == ("SIDOF lista 1 nota de una edición que, según el índice, no se publicó "
                           "que el índice no tiene: 5",)


def test_cross_check_without_a_usable_list_compares_nothing() -> None:
    lost = SidofCheck(DAY, SidofDay(DAY))  # 200 with empty lists: a day SIDOF lost
    assert cross_check(lost, Edition.MAT, True, frozenset({"1"})) == (None, ())
    down = SidofCheck(DAY, unavailable="HTTP 503")
    assert cross_check(down, Edition.MAT, True, frozenset({"1"})) == (
        None, ("no se pudo cotejar con SIDOF: HTTP 503",))
    assert cross_check(down, Edition.EXT, False, frozenset()) == (None, ())


def test_fetching_the_sidof_list_never_raises_for_sidof(tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    (tree / "sidof" / "notas" / "15-05-2024.json").write_text('{"messageCode":500,"response":"ERROR"}')
    with serve_mirror(tree) as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY), mirror.base_url)
        malformed = fetch_sidof_check(source, DAY)
        lost = fetch_sidof_check(source, date(2024, 5, 13))
        listed = fetch_sidof_check(source, date(2024, 5, 14))
    assert malformed.listed is None and "respondió" in malformed.unavailable
    assert lost.listed is not None and not lost.usable
    assert listed.usable and listed.listed is not None and len(listed.listed.codigos(Edition.MAT)) == 4
    with serve_mirror(plan=FaultPlan(rates={"http_503": 1.0}, retry_after=0)) as down:
        source = DofSource(open_fetcher(down.base_url, POLICY), down.base_url)
        unreachable = fetch_sidof_check(source, DAY)
    assert unreachable.listed is None and "503" in unreachable.unavailable


def test_fetch_edition_carries_the_cross_check() -> None:
    captures: list[Capture] = []
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY, captures.append), mirror.base_url)
        saturday = fetch_sidof_check(source, date(2024, 5, 18))
        ext = fetch_edition(source, date(2024, 5, 18), Edition.EXT, sidof=saturday)
        mat = fetch_edition(source, DAY, Edition.MAT, sidof=fetch_sidof_check(source, DAY))
        unchecked = fetch_edition(source, DAY, Edition.MAT)
    # fixtures/dof/sidof/notas/18-05-2024.json lists an extraordinaria the index does not have
    assert not ext.published and ext.notices == ()
    assert ext.sidof is not None and ext.sidof.only_in_sidof == {"5727450"}
    assert ext.cross_check == ("SIDOF lista 1 nota de una edición que, según el índice, no se publicó "
                               "que el índice no tiene: 5727450",)
    assert mat.sidof is not None and mat.sidof.agrees and mat.cross_check == ()
    assert unchecked.sidof is None and unchecked.cross_check == ()


def test_captures_come_back_with_the_edition_and_with_its_failure() -> None:
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, POLICY), mirror.base_url)  # no on_capture
        check = fetch_sidof_check(source, DAY)
        fetched = fetch_edition(source, DAY, Edition.MAT, sidof=check)
    urls = [c.url.removeprefix(mirror.base_url) for c in fetched.captures]
    assert urls[0].startswith("/index_111.php?year=2024&month=05&day=15&edicion=MAT")
    assert {f"/notas/docFuente/{codigo}" for codigo in fetched.bodies} <= set(urls)
    assert [c.url.removeprefix(mirror.base_url) for c in check.captures] == [
        "/robots.txt", "/dof/sidof/notas/15-05-2024"]  # the first request of a fetcher reads robots.txt
    with serve_mirror(plan=FaultPlan(seed=1, rates={"http_503": 1.0}, retry_after=0)) as down:
        source = DofSource(open_fetcher(down.base_url, POLICY), down.base_url)
        with pytest.raises(FetchFailed) as failed:
            fetch_edition(source, DAY, Edition.MAT)
    assert "503" in str(failed.value.error) and failed.value.captures
    assert {c.status for c in failed.value.captures} == {503}  # what arrived before it failed
