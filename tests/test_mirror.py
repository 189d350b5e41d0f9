"""The local DOF mirror answers like the real sites, and its faults are deterministic."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from scraper.mirror import FAULTS, FaultPlan, serve_mirror

ROOT = Path(__file__).resolve().parent.parent


def get(url: str) -> requests.Response:
    return requests.get(url, timeout=5)


def test_routes_follow_the_real_url_schemes() -> None:
    with serve_mirror() as mirror:
        base = mirror.base_url
        page = get(f"{base}/index_111.php?year=2024&month=05&day=15&edicion=MAT")
        assert page.status_code == 200 and "Fecha: 15/05/2024 - Edici&oacute;n Matutina" in page.text
        weekend = get(f"{base}/index_111.php?year=2024&month=05&day=18&edicion=MAT")
        assert weekend.status_code == 200 and "No hay datos para la fecha seleccionada" in weekend.text
        no_edicion = get(f"{base}/index.php?year=2024&month=05&day=14")
        assert "Edici&oacute;n Vespertina</span>" in no_edicion.text  # the real site's quirk
        assert "class='Titulo_1'" in get(f"{base}/notas/docFuente/5727205").text
        assert "<BODY> </BODY>" in get(f"{base}/notas/docFuente/1").text
        assert "DOF: 31/12/1969" in get(f"{base}/nota_detalle.php?codigo=1&fecha=01/01/2024").text
        lost = get(f"{base}/dof/sidof/notas/13-05-2024").json()
        assert lost["messageCode"] == 200 and lost["NotasMatutinas"] == []
        assert len(get(f"{base}/dof/sidof/notas/15-05-2024").json()["NotasMatutinas"]) == 11
        assert "Disallow: /nota_detalle.php?" in get(f"{base}/robots.txt").text
        assert get(f"{base}/etc/passwd").status_code == 404
        assert get(f"{base}/notas/docFuente/..%2f..%2fetc%2fpasswd").status_code == 404
        assert mirror.counters.requests == 11
        assert mirror.counters.kinds["index"] == 2 and mirror.counters.kinds["no_edition"] == 1


def _fault_sequence(seed: int) -> list[str | None]:
    seen: list[str | None] = []
    plan = FaultPlan(seed=seed, rates={"http_500": 0.3, "http_503": 0.3})
    with serve_mirror(plan=plan) as mirror:
        for _ in range(30):
            before = dict(mirror.counters.faults)
            get(f"{mirror.base_url}/robots.txt")
            after = dict(mirror.counters.faults)
            changed = [k for k in after if after[k] != before.get(k, 0)]
            seen.append(changed[0] if changed else None)
    return seen


def test_faults_are_deterministic_per_seed() -> None:
    first, again, other = _fault_sequence(7), _fault_sequence(7), _fault_sequence(8)
    assert first == again and first != other
    assert {"http_500", "http_503", None} == set(first)


def test_fault_plan_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        FaultPlan(rates={"meteor": 0.1})
    with pytest.raises(ValueError):
        FaultPlan(rates=dict.fromkeys(FAULTS, 0.2))


def test_wrong_day_fault_serves_another_days_page() -> None:
    with serve_mirror(plan=FaultPlan(rates={"wrong_day": 1.0})) as mirror:
        text = get(f"{mirror.base_url}/index_111.php?year=2024&month=05&day=15&edicion=MAT").text
        assert "Fecha: 15/05/2024" not in text and re.search(r"Fecha: \d\d/\d\d/\d{4}", text)
        assert mirror.counters.faults["wrong_day"] == 1


def test_module_runs_as_a_server() -> None:
    process = subprocess.Popen([sys.executable, "-m", "scraper.mirror", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert base, line
        answer = get(base.group(0) + "/dof/sidof/notas/15-05-2024")
        assert json.loads(answer.text)["response"] == "OK"
    finally:
        process.terminate()
        process.wait(timeout=10)
