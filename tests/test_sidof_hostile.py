"""Issue #9 finding 6: a deeply nested SIDOF JSON raised RecursionError and failed the edition,
though SIDOF is only a cross-check. Whatever the payload, reading it gives entries or a
ParseError, and through the fetcher the cross-check is skipped with a warning."""

from __future__ import annotations

import contextlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errors import ParseError
from gazette import Edition
from scraper.harvest import fetch_sidof_check
from scraper.http import FetchPolicy
from scraper.mirror import FIXTURES, serve_mirror
from scraper.sidof import parse_sidof_notes
from scraper.sources import DofSource, open_fetcher

DAY = date(2024, 5, 15)
DEEP = "[" * 200_000 + "]" * 200_000
HOSTILE = [
    DEEP,
    '{"messageCode": 200, "NotasMatutinas": ' + DEEP + "}",
    '{"messageCode": 200, "NotasMatutinas": [{"titulo": ' + "[" * 900 + "]" * 900 + ', "codNota": "1"}]}',
    '{"messageCode": 200, "NotasMatutinas": 7, "NotasVespertinas": "texto"}',
    '{"messageCode": 200, "NotasMatutinas": [{"titulo": "Acuerdo", "codNota": 5, "codEdicion": "XYZ"}]}',
    '{"messageCode": 200, "NotasMatutinas": [{"titulo": {"a": 1}, "codNota": ["1"]}, null, 3]}',
    '{"messageCode": ' + "[" * 900 + "]" * 900 + "}",
]


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_payloads_give_entries_or_a_parse_error(payload: str) -> None:
    try:
        day = parse_sidof_notes(payload, DAY)
    except ParseError:
        return
    assert all(e.codigo.isdigit() and e.title and e.edition in Edition for e in day.entries)


def test_an_unknown_edition_code_keeps_the_list_it_came_in() -> None:
    [entry] = parse_sidof_notes(HOSTILE[4], DAY).entries
    assert (entry.codigo, entry.edition) == ("5", Edition.MAT)


FIELDS = st.sampled_from(["titulo", "codNota", "codEdicion", "pagina", "x"])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(FIELDS, inner, max_size=4),
                    max_leaves=20)


@given(st.dictionaries(st.sampled_from(["NotasMatutinas", "NotasVespertinas", "NotasExtraordinarias"]),
                       JSON, max_size=3))
def test_any_shape_under_the_lists_is_read_or_refused(lists: dict[str, object]) -> None:
    """No TypeError, ValueError or RecursionError: only entries, or a ParseError."""
    with contextlib.suppress(ParseError):
        parse_sidof_notes(json.dumps({"messageCode": 200, **lists}), DAY)


def test_a_deeply_nested_sidof_answer_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    (tree / "sidof" / "notas" / "15-05-2024.json").write_text(HOSTILE[1])
    policy = FetchPolicy(delay=0, attempts=2, backoff_base=0.001)
    with serve_mirror(tree) as mirror:
        check = fetch_sidof_check(DofSource(open_fetcher(mirror.base_url, policy), mirror.base_url), DAY)
    assert check.listed is None and "demasiada profundidad" in check.unavailable
