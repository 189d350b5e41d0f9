"""``dof-tracker demo``: the README's first command shows the IMSS-BIENESTAR changes offline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import URL
from test_pipeline_support import IMSS_CODIGO, ROOT

import scheduler
from report.words import CHANGE_WORDS

EXPECTED = json.loads((ROOT / "fixtures" / "imss" / "expected_changes.json").read_text(encoding="utf-8"))


def test_the_demo_runs_as_a_fresh_process_and_shows_every_change_with_its_notice() -> None:
    done = subprocess.run([sys.executable, "-m", "scheduler", "demo"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert "14 cambios en el Estatuto Orgánico de Servicios de Salud" in out
    lines = [line for line in out.splitlines() if line.startswith("15 de mayo de 2024  ")]
    assert len(lines) == 14 and all(line.endswith(f"DOF 15/05/2024 matutina {IMSS_CODIGO}") for line in lines)
    kinds = re.findall(r"^15 de mayo de 2024  (\w+)", "\n".join(lines), re.MULTILINE)
    assert sorted(kinds) == sorted(CHANGE_WORDS[c["type"]] for c in EXPECTED["changes"])
    assert "derogado    artículo 57, fracción IX" in out and "adicionado  artículo 57 Bis" in out
    assert "https://www.dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024" in out
    assert re.search(r"del 6 de octubre de 2023 al 15 de mayo de 2024: vigente .*\n    IX\. Elaborar", out)
    assert re.search(r"desde el 16 de mayo de 2024 \(a la fecha\): derogado \(derogado por el DOF "
                     r"15/05/2024, edición matutina, código 5727205: .*\)\n    IX\. Se deroga\.", out)
    assert "(temporal: --db URL para conservarla)" in out


def test_the_demo_can_keep_its_store_and_a_second_run_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "demo.sqlite")).render_as_string()
    assert scheduler.main(["--db", url, "demo"]) == 0
    first = capsys.readouterr().out
    assert scheduler.main(["--db", url, "demo"]) == 0
    second = capsys.readouterr().out
    assert "ya se sigue como documento 1" in second and second.count(": ya leída\n") == 15
    assert first.split("$ dof-tracker changes")[1] == second.split("$ dof-tracker changes")[1]
    assert scheduler.main(["--db", url, "history", "IMSS-BIENESTAR", "57, fracción IX"]) == 0
    assert "derogado" in capsys.readouterr().out
