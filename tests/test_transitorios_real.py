"""The transitorios of the real consolidated codes: every reform decree's tail read into rules.

The "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA" tails of the seven consolidated texts in
../shared/dof-samples print a few hundred decrees' transitorios. Each TRANSITORIOS section is
read the way an amending instrument's are (lines -> transitorios -> schedule); the census must
leave almost nothing unread, and what it reads is checked on sentences known from the texts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from parser.lines import LineKind, classify_lines
from parser.transitorios import RuleKind, Schedule, read_schedule, read_transitorios

_TAIL = "TRANSITORIOS DE DECRETOS DE REFORMA"


def _schedules(path: Path) -> list[Schedule]:
    text = path.read_text(encoding="utf-8")
    lines = classify_lines(text[text.index(_TAIL):])
    heads = [i for i, line in enumerate(lines) if line.kind is LineKind.TRANSITORIOS_HEADING]
    return [read_schedule(read_transitorios(lines[a + 1:b]))
            for a, b in zip(heads, [*heads[1:], len(lines)], strict=True)]


@pytest.fixture(scope="module")
def schedules(samples: Path) -> dict[str, list[Schedule]]:
    paths = sorted([*samples.glob("consolidated/*.txt"), *samples.glob("consolidated-tezca/*.txt")])
    return {path.stem: _schedules(path) for path in paths}


def test_census_of_the_real_tails(schedules: dict[str, list[Schedule]]) -> None:
    every = [s for found in schedules.values() for s in found]
    rules = [r for s in every for r in (s.default, *(e.rule for e in s.exceptions))]
    kinds = Counter(r.kind for r in rules)
    assert len(schedules) == 7 and len(every) >= 250
    assert kinds[RuleKind.UNRECOGNIZED] <= len(rules) // 50          # under 2 % unread
    assert kinds[RuleKind.DAY_AFTER_PUBLICATION] >= 150
    assert kinds[RuleKind.FIXED_DATE] >= 80
    placed = [e for s in every for e in s.exceptions if not e.reference.unplaced]
    assert len(placed) >= 25
    # every doubt is a finding: unread rules and unplaced references
    doubts = sum(r.kind is RuleKind.UNRECOGNIZED for r in rules) + \
        sum(e.reference.unplaced for s in every for e in s.exceptions)
    assert sum(len(s.findings) for s in every) >= doubts


def _with(schedules: dict[str, list[Schedule]], code: str, words: str) -> Schedule:
    def says(source: str) -> bool:
        return words in " ".join(source.split())
    return next(s for s in schedules[code]
                if says(s.default.source) or any(says(e.rule.source) for e in s.exceptions))


def test_cff_2026_article_30b_enters_later(schedules: dict[str, list[Schedule]]) -> None:
    schedule = _with(schedules, "cff", "artículo 30-B de este ordenamiento")
    published = date(2025, 11, 7)
    assert schedule.in_force(published) == date(2026, 1, 1)
    assert schedule.for_label("art_30-b", published) == date(2026, 4, 1)
    assert schedule.for_label("art_30-a", published) == date(2026, 1, 1)


def test_liva_1991_article_41_fraccion_vi_in_dicho_ano(schedules: dict[str, list[Schedule]]) -> None:
    schedule = _with(schedules, "LIVA_ley_impuesto_valor_agregado_diputados_ultima-reforma-DOF-12-11-2021",
                     "Artículo 41, Fracción VI")
    published = date(1991, 12, 20)
    assert schedule.in_force(published) == date(1991, 12, 21)
    assert schedule.for_label("art_5", published) == date(1992, 1, 1)
    assert schedule.for_label("art_41__frac_vi", published) == date(1992, 4, 1)


def test_lft_2023_first_of_january_after_publication(schedules: dict[str, list[Schedule]]) -> None:
    schedule = _with(schedules, "lft", "primero de enero del año posterior a su publicación")
    assert schedule.default.kind is RuleKind.DATE_IN_YEAR_OF_PUBLICATION
    assert schedule.in_force(date(2023, 12, 22)) == date(2024, 1, 1)


def test_lamp_reforms_of_another_law_after_18_months(schedules: dict[str, list[Schedule]]) -> None:
    schedule = _with(schedules, "LAmp_ley_de_amparo_diputados_ultima-reforma-DOF-16-10-2025",
                     "entrarán en vigor a los 18 meses")
    (exception,) = [e for e in schedule.exceptions if "Ley Federal de los Trabajadores" in
                    e.reference.text]
    assert exception.rule.kind is RuleKind.MONTHS_AFTER_PUBLICATION and exception.rule.months == 18
    # a whole other law; "Artículo 123 Constitucional" is part of its name, not a provision
    assert exception.reference.unplaced and exception.reference.labels == ()


def test_the_decrees_own_articles_are_unplaced(schedules: dict[str, list[Schedule]]) -> None:
    schedule = _with(schedules, "lft", "artículos Cuarto, Quinto y Sexto del presente Decreto")
    (exception,) = [e for e in schedule.exceptions if "Cuarto, Quinto" in e.reference.text]
    assert exception.reference.unplaced and exception.reference.labels == ()
    assert any("no se ubica" in f.message for f in schedule.findings)
