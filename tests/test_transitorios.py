"""Transitorios read into entry-into-force rules, on the wording the DOF prints.

The sentences are short copies of real ones (the "ARTÍCULOS TRANSITORIOS DE DECRETOS DE
REFORMA" tails of the consolidated codes in ../shared/dof-samples, and grammar §8); each
expects its rule and its first day in force for a publication day.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parser.dates import MONTHS, find_date, words_to_int
from parser.model import FindingKind
from parser.transitorios import (
    EntryIntoForce,
    Pending,
    RuleKind,
    Schedule,
    Transitorio,
    entry_into_force,
    read_schedule,
)
from parser.vocabulary import int_to_cardinal

PUBLISHED = date(2025, 12, 9)   # a Tuesday
R = RuleKind


def _schedule(*texts: str) -> Schedule:
    return read_schedule(tuple(Transitorio(n, t) for n, t in enumerate(texts, 1)))


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("El presente Decreto entrará en vigor al día siguiente de su publicación en el Diario "
     "Oficial de la Federación.", R.DAY_AFTER_PUBLICATION, date(2025, 12, 10)),
    ("El presente Decreto entrará en vigor el día siguiente al de su publicación en el Diario "
     "Oficial de la Federación.", R.DAY_AFTER_PUBLICATION, date(2025, 12, 10)),
    ("La presente modificación entrará en vigor al día siguiente de su publicación en el Diario "
     "Oficial de la Federación.", R.DAY_AFTER_PUBLICATION, date(2025, 12, 10)),
    ("El presente Acuerdo entrará en vigor el día de su publicación en el Diario Oficial de la "
     "Federación.", R.PUBLICATION_DAY, PUBLISHED),
    ("Esta Ley entrará en vigor en la fecha de su publicación.", R.PUBLICATION_DAY, PUBLISHED),
    ("El presente Acuerdo entra en vigor el 1 de enero de 2026.", R.FIXED_DATE, date(2026, 1, 1)),
    ("El presente Decreto empezará a surtir sus efectos a los tres días de su publicación en el "
     "\"Diario Oficial\" de la Federación.", R.DAYS_AFTER_PUBLICATION, date(2025, 12, 12)),
    ("El presente Decreto comenzará su vigencia 90 días después de su publicación en el Diario "
     "Oficial de la Federación.", R.DAYS_AFTER_PUBLICATION, date(2026, 3, 9)),
    ("El presente Decreto entrará en vigor el día hábil siguiente al de su publicación.",
     R.BUSINESS_DAY_AFTER_PUBLICATION, date(2025, 12, 10)),
    ("El presente Decreto entrará en vigor el 1o. de enero de 2026.", R.FIXED_DATE,
     date(2026, 1, 1)),
    ("El presente Decreto entrará en vigor el 1 de enero de 2022. Los procedimientos iniciados "
     "con anterioridad se resolverán conforme a las disposiciones vigentes.", R.FIXED_DATE,
     date(2022, 1, 1)),
    ("La presente Ley entrará en vigor a partir del 1o. de enero de 1997.", R.FIXED_DATE,
     date(1997, 1, 1)),
    ("La presente Ley entrará en vigor en toda la República el día 1o. de enero del 2006.",
     R.FIXED_DATE, date(2006, 1, 1)),
    ("El presente Decreto entrará en vigor el 1.° de enero de 2023, o al día siguiente de su "
     "publicación en el Diario Oficial de la Federación, si esta fuera en el año 2023.",
     R.FIXED_DATE, date(2023, 1, 1)),
    ("El presente Decreto entrará en vigor el 20 de marzo de 1998.", R.FIXED_DATE,
     date(1998, 3, 20)),
    ("El presente Decreto entrará en vigor el primero de enero del año dos mil veintiséis.",
     R.FIXED_DATE, date(2026, 1, 1)),
    ("El presente Decreto entrará en vigor el treinta y uno de diciembre de dos mil "
     "veinticinco.", R.FIXED_DATE, date(2025, 12, 31)),
    ("Esta Ley entrará en vigor el día primero de junio del presente año.",
     R.DATE_IN_YEAR_OF_PUBLICATION, date(2025, 6, 1)),
    ("El presente Decreto entrará en vigor el primero de enero del año posterior a su "
     "publicación en el Diario Oficial de la Federación.", R.DATE_IN_YEAR_OF_PUBLICATION,
     date(2026, 1, 1)),
    ("El presente Decreto entrará en vigor a los sesenta días naturales siguientes a su "
     "publicación en el Diario Oficial de la Federación.", R.DAYS_AFTER_PUBLICATION,
     date(2026, 2, 7)),
    ("La presente ley entrará en vigor a los treinta días de su publicación en el Diario "
     "Oficial de la Federación.", R.DAYS_AFTER_PUBLICATION, date(2026, 1, 8)),
    ("Esta ley entrará en vigor treinta días después de su publicación.",
     R.DAYS_AFTER_PUBLICATION, date(2026, 1, 8)),
    ("El presente Decreto entrará en vigor a los ciento ochenta días naturales siguientes a su "
     "publicación.", R.DAYS_AFTER_PUBLICATION, date(2026, 6, 7)),
    ("El presente Decreto entrará en vigor a los 10 días hábiles siguientes a su publicación.",
     R.BUSINESS_DAYS_AFTER_PUBLICATION, date(2025, 12, 23)),
    ("La presente ley entrará en vigor a los tres meses de su publicación en el \"Diario "
     "Oficial\".", R.MONTHS_AFTER_PUBLICATION, date(2026, 3, 9)),
    ("El presente Decreto entrará en vigor a partir del ejercicio fiscal 2026.", R.FISCAL_YEAR,
     date(2026, 1, 1)),
])
def test_the_decree_rule_and_its_day(text: str, kind: RuleKind, expected: date) -> None:
    schedule = _schedule(text)
    assert schedule.default.kind is kind
    assert schedule.in_force(PUBLISHED) == expected
    assert schedule.findings == ()


@pytest.mark.parametrize(("text", "kind"), [
    ("La aplicación de lo dispuesto en el presente Decreto entrará en vigor en cada una de las "
     "entidades federativas al mismo tiempo que la Declaratoria que emita el Congreso.",
     R.DECLARATORIA),
    ("El presente Decreto entrará en vigor en términos de la Declaratoria que emita el Congreso "
     "de la Unión.", R.DECLARATORIA),
    ("El presente Decreto entrará en vigor una vez que concluya el periodo actual del "
     "Presidente de la Comisión.", R.CONDITION),
    ("La presente Ley entrará en vigor en los mismos términos y plazos en que entra en vigor el "
     "Código Nacional de Procedimientos Penales.", R.CONDITION),
])
def test_a_day_no_text_fixes_yet_is_pending(text: str, kind: RuleKind) -> None:
    schedule = _schedule(text)
    rules = [schedule.default, *(e.rule for e in schedule.exceptions)]
    assert kind in {r.kind for r in rules}
    rule = next(r for r in rules if r.kind is kind)
    assert isinstance(rule.in_force(PUBLISHED), Pending)
    assert rule.effective(PUBLISHED) is None      # today's callers: no date, never "today"


def test_silence_is_the_civil_code_three_days() -> None:
    schedule = _schedule("Se derogan todas las disposiciones que se opongan al presente Decreto.")
    assert schedule.default.kind is R.DEFAULT_CCF_3
    assert schedule.in_force(PUBLISHED) == date(2025, 12, 12)


def test_salvo_an_article_of_the_amended_law() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor el 1 de enero de 2026, salvo lo dispuesto en el "
        "artículo 30-B de este ordenamiento, el cual entrará en vigor el 1 de abril de 2026.")
    assert schedule.in_force(PUBLISHED) == date(2026, 1, 1)
    assert schedule.for_label("art_30-b", PUBLISHED) == date(2026, 4, 1)
    assert schedule.for_label("art_30-b__par_2", PUBLISHED) == date(2026, 4, 1)
    assert schedule.for_label("art_30", PUBLISHED) == date(2026, 1, 1)
    assert schedule.for_label("art_30-c", PUBLISHED) == date(2026, 1, 1)


def test_salvo_article_9_with_a_day_in_words() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación, salvo lo "
        "dispuesto en el artículo 9, que entrará en vigor el primero de enero del año dos mil "
        "veintiséis.")
    assert schedule.for_label("art_9", PUBLISHED) == date(2026, 1, 1)
    assert schedule.for_label("art_90", PUBLISHED) == date(2025, 12, 10)


def test_the_reform_of_a_fraccion_has_its_own_day() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación.",
        "Las reformas a la fracción IV del artículo 5 entrarán en vigor a los noventa días "
        "naturales siguientes a su publicación.")
    assert schedule.for_label("art_5__frac_iv", PUBLISHED) == date(2026, 3, 9)
    assert schedule.for_label("art_5__frac_iv__inc_a", PUBLISHED) == date(2026, 3, 9)
    assert schedule.for_label("art_5__frac_v", PUBLISHED) == date(2025, 12, 10)


def test_units_lettered_with_enye_are_their_own_provisions() -> None:
    """XXIX-Ñ and ñ) are units of their own (DESIGN §1.2: Ñ is 'nn'), never the fracción above."""
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación.",
        "Las reformas a la fracción XXIX-Ñ del artículo 73 y al inciso ñ) de la fracción II del "
        "artículo 5 entrarán en vigor a los noventa días naturales siguientes a su publicación.")
    assert schedule.for_label("art_73__frac_xxix-nn", PUBLISHED) == date(2026, 3, 9)
    assert schedule.for_label("art_5__frac_ii__inc_nn", PUBLISHED) == date(2026, 3, 9)
    assert schedule.for_label("art_73__frac_xxix-n", PUBLISHED) == date(2025, 12, 10)
    assert schedule.for_label("art_5__frac_ii__inc_n", PUBLISHED) == date(2025, 12, 10)


def test_two_provisions_two_days_in_one_sentence() -> None:
    schedule = _schedule(
        "La reforma al artículo 15, fracción X, inciso b), segundo párrafo de la Ley del Impuesto "
        "al Valor Agregado, entrará en vigor a partir del 1 de julio de 2010 y la reforma al "
        "artículo 32, fracción III, tercer párrafo del citado ordenamiento, entrará en vigor el "
        "1 de enero de 2011.")
    assert schedule.default.kind is R.DEFAULT_CCF_3
    placed = {label: e.rule.on for e in schedule.exceptions for label in e.reference.labels}
    assert placed == {"art_15__frac_x__inc_b__par_2": date(2010, 7, 1),
                      "art_32__frac_iii__par_3": date(2011, 1, 1)}
    assert schedule.exceptions[0].reference.instrument == "Ley del Impuesto al Valor Agregado"


def test_exceptions_with_dicho_ano_take_the_year_named_before() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación, con excepción "
        "de lo previsto en el Artículo 5o. que entrará en vigor el 1o. de enero de 1992, y el "
        "Artículo 41, Fracción VI que entrará en vigor el 1o. de abril de dicho año.")
    assert schedule.for_label("art_5", date(1991, 12, 20)) == date(1992, 1, 1)
    assert schedule.for_label("art_41__frac_vi", date(1991, 12, 20)) == date(1992, 4, 1)


def test_a_subject_after_the_verb_and_a_list_of_articles() -> None:
    schedule = _schedule(
        "Entrarán en vigor a los siete años de la publicación del presente Decreto en el Diario "
        "Oficial de la Federación, las reformas, adiciones y derogaciones a los artículos 45-A, "
        "45- N, 85 BIS y 103.")
    (exception,) = schedule.exceptions
    assert exception.reference.labels == ("art_45-a", "art_45-n", "art_85-bis", "art_103")
    assert schedule.for_label("art_85-bis", PUBLISHED) == date(2032, 12, 9)


def test_the_decrees_own_articles_stay_unplaced_and_loud() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor el día siguiente al de su publicación en el Diario "
        "Oficial de la Federación, con excepción de lo previsto en los artículos Cuarto, Quinto "
        "y Sexto del presente Decreto, que entrarán en vigor el 1 de enero de 2026.",
        "Lo previsto en el artículo Segundo Transitorio entrará en vigor el 1 de marzo de 2026.")
    assert schedule.in_force(PUBLISHED) == date(2025, 12, 10)
    assert [e.reference.unplaced for e in schedule.exceptions] == [True, True]
    assert [e.rule.on for e in schedule.exceptions] == [date(2026, 1, 1), date(2026, 3, 1)]
    assert "artículos Cuarto, Quinto y Sexto" in schedule.exceptions[0].reference.text
    assert len(schedule.findings) == 2
    assert all(f.kind is FindingKind.ENTRY_INTO_FORCE for f in schedule.findings)
    # an unplaced exception covers no label: the decree's day stands, and a finding says why
    assert schedule.for_label("art_4", PUBLISHED) == date(2025, 12, 10)


def test_said_elsewhere_is_pending_for_the_article_it_names() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación, salvo lo "
        "previsto en el artículo 7.")
    assert schedule.exceptions[0].rule.kind is R.ELSEWHERE
    assert isinstance(schedule.for_label("art_7", PUBLISHED), Pending)
    assert schedule.for_label("art_8", PUBLISHED) == date(2025, 12, 10)


def test_dates_set_by_the_provisions_themselves_are_elsewhere() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor al día siguiente de su publicación, salvo lo "
        "dispuesto en los ARTÍCULOS VIGÉSIMO QUINTO, fracción I; TRIGÉSIMO, fracciones IV y VI, "
        "las cuales entrarán en vigor en las fechas que en dichas disposiciones se establecen.")
    (exception,) = schedule.exceptions
    assert exception.rule.kind is R.ELSEWHERE and exception.reference.unplaced


def test_counted_from_the_decrees_entry_into_force() -> None:
    schedule = _schedule(
        "El presente Decreto entrará en vigor el 1o. de enero de 2026.",
        "Lo dispuesto en el artículo 12 entrará en vigor a los doscientos setenta días de la "
        "entrada en vigor de este Decreto.")
    assert schedule.exceptions[0].rule.kind is R.DAYS_AFTER_ENTRY_INTO_FORCE
    assert schedule.for_label("art_12", PUBLISHED) == date(2026, 9, 28)


def test_unread_wording_is_pending_and_a_finding() -> None:
    schedule = _schedule("El presente Decreto entrará en vigor conforme a lo siguiente:")
    assert schedule.default.kind is R.UNRECOGNIZED
    assert isinstance(schedule.in_force(PUBLISHED), Pending)
    (finding,) = schedule.findings
    assert "no se entiende" in finding.message


def test_the_findings_carry_the_transitorios_line() -> None:
    schedule = read_schedule((Transitorio(1, "El presente Decreto entrará en vigor pronto.", 42),))
    assert schedule.findings[0].line == 42


def test_entry_into_force_stays_the_decree_default() -> None:
    rule = entry_into_force((
        Transitorio(1, "Las reformas al artículo 3 entrarán en vigor el 1o. de julio de 2026."),
        Transitorio(2, "El presente Decreto entrará en vigor al día siguiente de su publicación."),
    ))
    assert rule == EntryIntoForce(R.DAY_AFTER_PUBLICATION, source=rule.source)
    assert rule.effective(PUBLISHED) == date(2025, 12, 10)
    assert rule.kind == "day_after_publication"         # str-valued for existing callers


def test_schedule_json() -> None:
    schedule = _schedule("El presente Decreto entrará en vigor el 1 de enero de 2026, salvo lo "
                         "dispuesto en el artículo 9, que entrará en vigor el 1 de abril de 2026.")
    data = schedule.to_json()
    assert data["default"]["kind"] == "fixed_date" and data["default"]["date"] == "2026-01-01"
    assert data["exceptions"][0]["labels"] == ["art_9"]
    assert data["exceptions"][0]["rule"]["date"] == "2026-04-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("el 1o. de enero de 2025", date(2025, 1, 1)),
    ("el 1º de abril de 1994", date(1994, 4, 1)),
    ("el 1.° de enero de 2023", date(2023, 1, 1)),
    ("el día 1°. de mayo de 1970", date(1970, 5, 1)),
    ("el 1 de enero de 2025", date(2025, 1, 1)),
    ("primero de enero del año dos mil veinticinco", date(2025, 1, 1)),
    ("treinta y uno de diciembre de dos mil veinticuatro", date(2024, 12, 31)),
    ("el quince de enero de dos mil veinticuatro", date(2024, 1, 15)),
    ("veintidós de septiembre de mil novecientos noventa y ocho", date(1998, 9, 22)),
    ("el 30 de febrero de 2020 o el 1 de marzo de 2020", date(2020, 3, 1)),  # no 30 February
])
def test_dates_in_every_dof_form(text: str, expected: date) -> None:
    found = find_date(text)
    assert found is not None and found.on() == expected


@pytest.mark.parametrize("text", [
    "el día primero de enero de mil novecientos o ochenta",   # a misprint: no year is guessed
    "el 1o. de abril de dicho año",                           # no year named before
    "a los treinta días de su publicación",
])
def test_no_date_is_guessed(text: str) -> None:
    found = find_date(text)
    assert found is None or found.on() is None


@pytest.mark.parametrize(("words", "value"), [
    ("ciento ochenta", 180), ("doscientos setenta", 270), ("trescientos sesenta y cinco", 365),
    ("dos mil veinticinco", 2025), ("mil novecientos ochenta", 1980), ("mil", 1000),
    ("noventa", 90), ("quinientas", 500),
])
def test_counts_in_words(words: str, value: int) -> None:
    assert words_to_int(words) == value


def test_a_list_of_subjects_after_the_when() -> None:
    schedule = _schedule(
        "Entrarán en vigor el día siguiente de la publicación de este Decreto en el Diario Oficial "
        "de la Federación:\nI. El artículo Primero del presente Decreto;\nII. Las reformas a los "
        "artículos 4; 7 y 95 Bis de la Ley General de Organizaciones y Actividades Auxiliares del "
        "Crédito, contenidas en el artículo Segundo de este Decreto;\nIII. Las reformas a los "
        "artículos 46 y 89 de la Ley de Instituciones de Crédito, y\nIV. Lo demás.")
    assert schedule.default.kind is R.DEFAULT_CCF_3
    assert [e.reference.labels for e in schedule.exceptions] == [
        (), ("art_4", "art_7", "art_95-bis"), ("art_46", "art_89"), ()]
    assert {e.rule.kind for e in schedule.exceptions} == {R.DAY_AFTER_PUBLICATION}
    assert schedule.exceptions[1].reference.instrument.startswith("Ley General de Organizaciones")


_MONTH_NAMES = {number: name for name, number in MONTHS.items() if name != "setiembre"}


def _year_in_words(year: int) -> str:
    century, rest = ("mil novecientos", year - 1900) if year < 2000 else ("dos mil", year - 2000)
    return f"{century} {int_to_cardinal(rest)}" if rest else century


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(
    ["digits", "ordinal", "words"]))
def test_every_written_date_reads_back(day: date, form: str) -> None:
    month = _MONTH_NAMES[day.month]
    if form == "digits":
        text = f"entrará en vigor el {day.day} de {month} de {day.year}."
    elif form == "ordinal":
        shown = "1o." if day.day == 1 else str(day.day)
        text = f"entrará en vigor el día {shown} de {month} del {day.year}."
    else:
        shown = "primero" if day.day == 1 else int_to_cardinal(day.day)
        text = f"entrará en vigor el {shown} de {month} del año {_year_in_words(day.year)}."
    found = find_date(text)
    assert found is not None and found.on() == day
