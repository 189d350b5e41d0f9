"""The IMSS-BIENESTAR case: our reconstruction of the 15 May 2024 Modificación to the Estatuto.

The change list must be the one a lawyer writes by hand (fixtures/imss/expected_changes.json):
the derogated fracciones of article 57, the new Sección IV and its article 57 Bis, the added and
modified fracciones, and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diffing import AmendmentOutcome, ChangeType, amend, render_outcome
from parser import Status, parse_statute
from scheduler import main

IMSS = Path(__file__).resolve().parent.parent / "fixtures" / "imss"
BASE = IMSS / "estatuto_organico_base.txt"
MODIFICATION = IMSS / "modificacion_2024-05-15.txt"


@pytest.fixture(scope="module")
def outcome() -> AmendmentOutcome:
    base = parse_statute(BASE.read_text(encoding="utf-8"))
    return amend(base, MODIFICATION.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    return json.loads((IMSS / "expected_changes.json").read_text(encoding="utf-8"))


def test_changes_are_the_lawyers_list(outcome: AmendmentOutcome, expected: dict) -> None:
    got = [{"label": c.label, "type": str(c.type)} for c in outcome.changes]
    assert got == expected["changes"]


def test_instructions_are_the_clause(outcome: AmendmentOutcome, expected: dict) -> None:
    got = [{"verb": str(i.verb), "target": i.target} for i in outcome.instructions]
    assert got == expected["instructions"]


def test_no_discrepancy(outcome: AmendmentOutcome) -> None:
    assert outcome.discrepancies == ()
    assert outcome.ok


def test_new_version(outcome: AmendmentOutcome) -> None:
    index = outcome.new.index()
    assert index["art_57__frac_ix"].status is Status.DEROGADO
    assert index["art_57__frac_ix"].text == "Se deroga."
    section = index["tit_3__cap_2__sec_4"]
    assert section.heading == "De la Coordinación de Calidad e Información Estratégica"
    assert [c.label for c in section.children] == ["art_57-bis"]
    faculties = " ".join(c.text for c in index["art_57-bis"].children)
    assert "programa anual de comunicación social" in faculties
    assert "difusión de la información institucional" in faculties
    # what the body elides or leaves out stays as it was
    assert index["art_9__par_2"].text.startswith("La persona titular de la Dirección General podrá")
    assert index["art_4__par_2"].text.startswith("El IMSS-BIENESTAR contará con un Órgano")
    assert index["art_2__frac_viii"].text == "Ley: la Ley General de Salud;"


def test_redline_is_word_level(outcome: AmendmentOutcome) -> None:
    change = next(c for c in outcome.changes if c.label == "art_4__frac_v")
    assert change.type is ChangeType.MODIFIED
    assert change.before == "Coordinación de Abasto, y"
    assert change.after == "Coordinación de Abasto;"
    assert "[-, y-]{+;+}" in render_outcome(outcome)


def test_entry_into_force(outcome: AmendmentOutcome) -> None:
    assert outcome.entry_into_force.kind == "day_after_publication"
    assert [t.number for t in outcome.transitorios] == [1, 2, 3]


def test_cli_json(capsys: pytest.CaptureFixture[str], expected: dict) -> None:
    assert main(["amend", str(BASE), str(MODIFICATION), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"document", "instructions", "changes", "discrepancies"}
    assert [(c["label"], c["type"]) for c in data["changes"]] == \
        [(c["label"], c["type"]) for c in expected["changes"]]
    assert data["discrepancies"] == []
    assert data["document"].startswith("Estatuto Orgánico de Servicios de Salud")


def test_cli_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["amend", str(BASE), str(MODIFICATION)]) == 0
    out = capsys.readouterr().out
    assert "derogado   artículo 57, fracción IX" in out
    assert "adicionado artículo 57 Bis" in out


def test_cli_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["amend", str(BASE), str(tmp_path / "nope.txt")]) == 2
    assert "no existe el archivo" in capsys.readouterr().err


def _modified(old: str, new: str) -> str:
    text = MODIFICATION.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_ellipsis_that_cannot_be_aligned_is_reported() -> None:
    base = parse_statute(BASE.read_text(encoding="utf-8"))
    outcome = amend(base, _modified("I. a VIII. ...\nIX. Se deroga.", "XXX. a XL. ...\nIX. Se deroga."))
    unresolved = [d for d in outcome.discrepancies if d.kind == "unresolved"]
    assert [d.label for d in unresolved] == ["art_57"]
    assert "XXX a XL" in unresolved[0].detail.replace("xxx", "XXX").replace("xl", "XL")


def test_target_missing_from_the_base_is_reported() -> None:
    base = parse_statute(BASE.read_text(encoding="utf-8"))
    outcome = amend(base, _modified("57, fracciones XIX y XX;", "57, fracciones XIX, XX y XL;"))
    found = [(str(d.kind), d.label) for d in outcome.discrepancies]
    assert ("unresolved", "art_57__frac_xl") in found
    assert ("unmatched_instruction", "art_57__frac_xl") in found


def test_undeclared_change_is_reported() -> None:
    base = parse_statute(BASE.read_text(encoding="utf-8"))
    outcome = amend(base, _modified("57, fracciones XIX y XX;", "57, fracción XIX;"))
    assert [(str(d.kind), d.label) for d in outcome.discrepancies] == [
        ("undeclared_change", "art_57__frac_xx")]


def test_dof_note_html_gives_the_same_changes(expected: dict) -> None:
    """Engineer C's mirror wraps the Modificación in SIDOF note HTML (edition of 15 May 2024)."""
    note = IMSS.parent / "dof" / "sidof" / "docFuente" / "5727205.html"
    if not note.exists():
        pytest.skip("the DOF mirror fixtures are not present")
    from parser import read_amendment_text

    base = parse_statute(BASE.read_text(encoding="utf-8"))
    outcome = amend(base, read_amendment_text(note.read_bytes(), note.name))
    assert [(c.label, str(c.type)) for c in outcome.changes] == \
        [(c["label"], c["type"]) for c in expected["changes"]]
    assert outcome.discrepancies == ()
