"""Golden tests: every edition index page parses to its stored .expected.json.

Our fixture pages keep their goldens next to them; the real pages in ../shared/dof-samples keep
theirs under fixtures/dof/real-samples/ (the pages themselves are never copied). A missing golden
is written and the test fails, asking for review; ``--update-golden`` rewrites on purpose.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gazette import Edition
from scraper.edition import parse_edition

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "fixtures" / "dof" / "www" / "index"
REAL_GOLDEN = ROOT / "fixtures" / "dof" / "real-samples"
REAL_PAGES = {  # sample file -> (day, edition asked for)
    "index_2026-07-31_MAT.html": (date(2026, 7, 31), Edition.MAT),
    "index_2026-07-31_VES.html": (date(2026, 7, 31), Edition.VES),
    "index_2026-07-26_sunday_no-edition_returns-homepage.html": (date(2026, 7, 26), Edition.MAT),
}


def _compare(actual: dict[str, object], golden: Path, update: bool) -> None:
    text = json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if update or not golden.exists():
        golden.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"wrote missing golden {golden.name}; review it and rerun")
    assert json.loads(golden.read_text(encoding="utf-8")) == actual


@pytest.mark.parametrize("page", sorted(INDEX.glob("*.html")), ids=lambda p: p.name)
def test_fixture_index_matches_golden(page: Path, update_golden: bool) -> None:
    day, edition = page.stem.split("_")
    parsed = parse_edition(page.read_bytes().decode("utf-8"), date.fromisoformat(day),
                           Edition(edition), "https://www.dof.gob.mx/index_111.php")
    _compare(parsed.to_json(), page.with_suffix(".expected.json"), update_golden)


@pytest.mark.parametrize("name", sorted(REAL_PAGES))
def test_real_index_matches_golden(name: str, samples: Path, update_golden: bool) -> None:
    day, edition = REAL_PAGES[name]
    page = (samples / "dof-web" / name).read_bytes().decode("utf-8")
    parsed = parse_edition(page, day, edition, "https://www.dof.gob.mx/index_111.php")
    _compare(parsed.to_json(), REAL_GOLDEN / name.replace(".html", ".expected.json"),
             update_golden)


def test_real_31_july_2026_counts(samples: Path) -> None:
    """The issue's acceptance figures: 27 matutina, 4 vespertina, none on the Sunday."""
    pages = {name: parse_edition((samples / "dof-web" / name).read_text(encoding="utf-8"), *args)
             for name, args in REAL_PAGES.items()}
    mat, ves, sunday = (pages[n] for n in REAL_PAGES)
    assert (len(mat.notices), len(ves.notices)) == (27, 4)
    assert (mat.cod_diario, ves.cod_diario) == ("328805", "328826")
    assert mat.other_editions == (Edition.VES,) and ves.other_editions == (Edition.MAT,)
    assert not sunday.published and sunday.notices == ()
    decoys = {"5795156", "5795163", "5795169", "5795171", "5795173", "5795176", "5795216",
              "5795220"}  # "Ver WORD" codnotas on agency headers
    assert not decoys & {n.codigo for n in mat.notices + ves.notices}


def test_real_matutina_agrees_with_independent_scrape(samples: Path) -> None:
    """Section, poder, issuer and title of each of the 27 notes equal another scraper's record."""
    corpus = [json.loads(line) for line in (samples / "notes-corpus" /
              "dof_2026-07-31_MAT_27_notas_body_text.jsonl").read_text(encoding="utf-8").splitlines()]
    page = (samples / "dof-web" / "index_2026-07-31_MAT.html").read_text(encoding="utf-8")
    parsed = parse_edition(page, date(2026, 7, 31), Edition.MAT)
    ours = [(n.codigo, n.section, n.poder, n.issuer, n.title) for n in parsed.notices]
    theirs = [(str(r["codigo"]), r["seccion"], r["poder"], r["organismo"], r["titulo"])
              for r in corpus]
    assert ours == theirs
