"""Golden files: each statute fixture under fixtures/statutes/ and the tree it must parse into.

The fixtures are ours, written to the real markup: a Cámara PDF extraction with running headers,
form feeds, wrapped and glued notes and the reform appendix; a SIDOF docFuente Word export with
spans split mid-word, ANOTACION headings and tables; a nota_detalle page in cp1252 under an
ISO-8859-1 meta with old <p><font> markup; marker Markdown; and a one-unit-per-line estatuto
with the odd numbering forms. A missing .expected.json is written and the test fails, asking
for review; ``pytest --update-golden`` rewrites them on purpose.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from parser import read_statute

STATUTES = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"
CASES = sorted(p for p in STATUTES.iterdir() if p.suffix in (".txt", ".html", ".md")) \
    if STATUTES.is_dir() else []


def _expected_path(path: Path) -> Path:
    return path.with_name(path.stem + ".expected.json")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_golden(path: Path, update_golden: bool) -> None:
    document = read_statute(path.read_bytes(), path.name)
    rendered = json.dumps(document.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    expected = _expected_path(path)
    if update_golden or not expected.exists():
        expected.write_text(rendered, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote {expected.name}; review it and run again")
    assert rendered == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_no_history_or_furniture_in_any_text(path: Path) -> None:
    document = read_statute(path.read_bytes(), path.name)
    for provision in document.walk():
        for text in (provision.text, provision.heading):
            assert not re.search(r"DOF \d{2}-\d{2}-\d{4}", text), provision.label
            assert "CÁMARA DE DIPUTADOS" not in text and "DIARIO OFICIAL" not in text
            assert not re.search(r"\b\d+ de \d+$", text), provision.label
            assert "**" not in text and "<br>" not in text and "&nbsp;" not in text


def test_fixtures_are_present() -> None:
    assert len(CASES) >= 5
