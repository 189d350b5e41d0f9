"""The words people read: citations, dates, periods, entry-into-force rules and the words for the
tracker's values. Every value the tracker has must have its Spanish word; none shows its name."""

from __future__ import annotations

import doctest
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffing.model import ChangeType, DiscrepancyKind
from gazette import Edition, NoticeKind
from parser import Status, cite_text, date_text, parse_citation
from parser.cite_text import cite
from parser.date_text import entry_words, long_date, period, span
from parser.entry_rules import EntryIntoForce, RuleKind
from parser.vocabulary import int_to_roman
from report import words
from report.words import UNNAMED, change_word, word
from store.bookkeeping import RunStatus


@pytest.mark.parametrize("module", [cite_text, date_text, words])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(("label", "citation"), [
    ("art_57__frac_ix", "artículo 57, fracción IX"),
    ("art_57-bis", "artículo 57 Bis"),
    ("art_2-a", "artículo 2-A"),
    ("art_353-nn", "artículo 353-Ñ"),
    ("art_73__frac_xxix-nn", "artículo 73, fracción XXIX-Ñ"),
    ("art_56__par_1", "artículo 56, párrafo primero"),
    ("art_56__par_12", "artículo 56, párrafo décimo segundo"),
    ("art_11__frac_iii__inc_h", "artículo 11, fracción III, inciso h)"),
    ("art_123__apt_b__frac_xiii", "artículo 123, apartado B, fracción XIII"),
    ("tra_1", "artículo primero transitorio"),
    ("tra_2__par_3", "artículo segundo transitorio, párrafo tercero"),
    ("lib_2__tit_1", "libro segundo, título primero"),
    ("tit_3__cap_2__sec_4", "título tercero, capítulo II, sección IV"),
    ("tit_3__cap_2-bis", "título tercero, capítulo II Bis"),
    ("num_7-bis", "numeral 7 Bis"),
    ("apt_iv", "apartado IV"),
    ("art_1390-bis-1", "artículo 1390 Bis 1"),
])
def test_labels_are_cited_as_lawyers_write_them(label: str, citation: str) -> None:
    assert cite(label) == citation


@given(st.integers(1, 400), st.sampled_from(["", "-bis", "-ter", "-a"]), st.integers(0, 39),
       st.sampled_from(["", "a", "b", "h"]))
def test_a_citation_reads_back_as_its_label(article: int, suffix: str, fraccion: int, inciso: str) -> None:
    label = f"art_{article}{suffix}"
    if fraccion:
        label += f"__frac_{int_to_roman(fraccion).lower()}"
        if inciso:
            label += f"__inc_{inciso}"
    assert parse_citation(cite(label)) == label


@given(st.integers(1, 99))
def test_a_transitorio_citation_reads_back(number: int) -> None:
    assert parse_citation(cite(f"tra_{number}")) == f"tra_{number}"


def test_dates_and_periods_are_spelled_out_and_inclusive() -> None:
    assert long_date(date(2024, 9, 1)) == "1 de septiembre de 2024"
    assert period(date(2023, 10, 6), date(2024, 5, 16)) == "del 6 de octubre de 2023 al 15 de mayo de 2024"
    assert period(date(2024, 12, 31), date(2025, 1, 1)) == "solo el 31 de diciembre de 2024"
    assert period(date(2024, 5, 16), None) == "desde el 16 de mayo de 2024 (a la fecha)"
    assert span(date(2024, 12, 30), date(2025, 1, 2)) == "del 30 de diciembre de 2024 al 2 de enero de 2025"


@pytest.mark.parametrize("kind", list(RuleKind))
def test_every_entry_rule_has_words_and_never_its_name(kind: RuleKind) -> None:
    rule = EntryIntoForce(kind, on=date(2025, 1, 1), days=30, months=6, month_day=(7, 1), years_after=1)
    said = entry_words(rule)
    assert said and said != str(kind) and "_" not in said
    assert (said == entry_words(EntryIntoForce(RuleKind.UNRECOGNIZED))) == (kind is RuleKind.UNRECOGNIZED)


def test_entry_rules_read_as_transitorios_say_them() -> None:
    assert entry_words(EntryIntoForce(RuleKind.MONTHS_AFTER_PUBLICATION, months=6)) == \
        "a los seis meses de su publicación"
    assert entry_words(EntryIntoForce(RuleKind.DAYS_AFTER_PUBLICATION, days=90)) == \
        "a los 90 días naturales siguientes a su publicación"
    assert entry_words(EntryIntoForce(RuleKind.BUSINESS_DAYS_AFTER_PUBLICATION, days=1)) == \
        "al día hábil siguiente a su publicación"
    assert entry_words(EntryIntoForce(RuleKind.MONTHS_AFTER_ENTRY_INTO_FORCE, months=1)) == \
        "al mes de la entrada en vigor del decreto"
    next_year = EntryIntoForce(RuleKind.DATE_IN_YEAR_OF_PUBLICATION, month_day=(1, 1), years_after=1)
    assert entry_words(next_year) == "el 1 de enero del año siguiente a su publicación"


@pytest.mark.parametrize(("table", "values"), [
    (words.CHANGE_WORDS, list(ChangeType)), (words.STATUS_WORDS, list(Status)),
    (words.EDITION_WORDS, list(Edition)), (words.NOTICE_KIND_WORDS, list(NoticeKind)),
    (words.DISCREPANCY_WORDS, list(DiscrepancyKind)), (words.RUN_WORDS, list(RunStatus)),
], ids=["change", "status", "edition", "notice-kind", "discrepancy", "run"])
def test_every_value_has_its_spanish_word(table: dict[str, str], values: list[object]) -> None:
    for value in values:
        shown = word(table, value)
        assert shown != UNNAMED, value
        assert shown == str(value) or not re.search(rf"\b{value}\b", shown)  # 'vigente' is its own word


def test_change_words_are_the_laws() -> None:
    assert [change_word(t) for t in ("added", "modified", "derogated", "renumbered")] == \
        ["adicionado", "reformado", "derogado", "renumerado"]
    assert change_word(ChangeType.RENUMBERED, "art_4__frac_v") == "renumerado (antes artículo 4, fracción V)"
    assert change_word("corrected") == "corregido"  # ChangeType.CORRECTED, once the errata branch lands
