"""DofSource end to end against the local mirror, and the SIDOF cross-check."""

from __future__ import annotations

from datetime import date

import pytest

from errors import InputError, ParseError, SanityError
from scraper.http import Fetcher, FetchPolicy
from scraper.mirror import FaultPlan, serve_mirror
from scraper.model import Capture, Edition, NoticeKind
from scraper.sidof import parse_sidof_notes, reconcile
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
        with pytest.raises(SanityError, match="asked for 2024-05-15"):
            source.edition(date(2024, 5, 15), Edition.MAT)
        assert mirror.counters.kinds["index"] == POLICY.attempts


def test_sidof_errors_are_parse_errors() -> None:
    with pytest.raises(ParseError):
        parse_sidof_notes('{"messageCode":400,"response":"BAD_REQUEST"}', date(2024, 5, 15))
    with pytest.raises(ParseError):
        parse_sidof_notes("<html>", date(2024, 5, 15))
