"""`dof-tracker parse FILE [--json] [--check]`: DESIGN.md §1.3 shape, outline, findings, and
one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parser import Document
from scheduler import main

STATUTES = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["parse", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(STATUTES / "camara_ley_prueba.txt"), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"title", "provisions", "findings"}  # DESIGN §1.3: fields are added, never renamed
    assert all(set(f) == {"kind", "message", "line", "label"} for f in data["findings"])
    first = data["provisions"][0]
    assert {"label", "kind", "number", "heading", "text", "status", "annotations", "children"} <= set(first)
    notes = [a for p in Document.from_json(data).walk() for a in p.annotations]
    assert notes and all(set(a.to_json()) >= {"verb", "dates"} for a in notes)
    assert Document.from_json(data).to_json() == data


def test_outline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(STATUTES / "estatuto_numeracion.txt"))
    assert code == 0
    assert out.splitlines()[0] == "ESTATUTO ORGÁNICO DEL ORGANISMO DE PRUEBA"
    assert "      Artículo 77 bis 35-J  Las unidades podrán coordinarse entre sí.  <art_77-bis-35-j>" in out
    assert "Sección Décima Segunda  De los Procedimientos Especiales  <lib_1__tit_13-bis__sec_12>" in out


def test_html_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(STATUTES / "nota_detalle_acuerdo_cp1252.html"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "ACUERDO por el que se establecen las reglas de prueba del registro"
    assert "“Padrón de Prueba”" in out


@pytest.mark.parametrize(("content", "message"), [
    (b"", "vacío"),
    (b"   \n\n  ", "vacío"),
    (b"%PDF-1.4\n1 0 obj << >>\nendobj\n", "PDF"),
    (b"\x00\x01\x02\x03binary\x00" * 20, "datos binarios"),
    (b"hola, esto no es una ley.\n", "no parece un ordenamiento"),
    ("<html><body><p>Artículo 1.- Texto.</p>".encode(), "cortado"),
    ("Artículo 1.- La Federación".encode()[:-2], "cortado"),
])
def test_bad_input_is_one_line_and_nonzero(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("dof-tracker parse: ")


def test_a_cut_text_is_shown_with_its_finding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "cortado.txt"
    path.write_bytes("Artículo 1.- Completo.\n\nArtículo 2.- Este se cortó a la mi".encode())
    code, out, err = run(capsys, str(path), "--check")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("línea 3: el texto termina a media frase")
    code, out, err = run(capsys, str(path))
    assert (code, err) == (0, "") and "Artículo 2" in out and "hallazgo" in out.splitlines()[-1]


def test_missing_file_and_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code != 0 and "no existe el archivo" in err
    code, _, err = run(capsys, str(tmp_path))
    assert code != 0 and "es una carpeta" in err


def test_check_prints_findings_one_per_line_and_exits_zero(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    """An excerpt of a law with a gap in its fracciones and a chapter heading swallowed into a
    paragraph: each doubt on its own line, in Spanish, with its label; warnings, so exit 0."""
    text = tmp_path / "ley.txt"
    text.write_text("LEY FEDERAL DE PRUEBA\n\nArtículo 1o.- Son autoridades:\n\nI. La Secretaría;\n\n"
                    "III. El Instituto.\n\nArtículo 2o.- El Instituto resolverá. CAPÍTULO II De las "
                    "notificaciones\n\nArtículo 3o.- Las notificaciones serán personales.\n",
                    encoding="utf-8")
    code, out, err = run(capsys, str(text), "--check")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    # each with the line the provision opened on: the fracción after the gap, the paragraph
    assert "línea 7: fracción III después de I: falta II [art_1__frac_iii]" in lines
    assert any(line.startswith("línea 9: encabezado dentro del texto: «CAPÍTULO II»") and
               line.endswith("[art_2__par_1]") for line in lines)
    assert lines[-1] == f"{len(lines) - 1} hallazgos"
    code, out, _ = run(capsys, str(text), "--check", "--json")
    assert code == 0
    assert {(f["kind"], f["label"]) for f in json.loads(out)} >= {("gap", "art_1__frac_iii"),
                                                                  ("heading_in_text", "art_2__par_1")}


def test_plain_parse_ends_saying_how_many_findings(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    text = tmp_path / "ley.txt"
    text.write_text("LEY FEDERAL DE PRUEBA\n\nArtículo 1o.- Son autoridades:\n\nI. La Secretaría;\n\n"
                    "III. El Instituto.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(text))
    assert code == 0
    assert out.splitlines()[-1] == "1 hallazgo en la lectura; --check lo muestra con su línea"
    clean = tmp_path / "limpia.txt"
    clean.write_text("LEY FEDERAL DE PRUEBA\n\nArtículo 1o.- Esta Ley es de orden público.\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, str(clean))
    assert code == 0 and "hallazgo" not in out


def test_check_on_a_clean_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "ley.txt"
    text.write_text("LEY FEDERAL DE PRUEBA\n\nArtículo 1o.- Esta Ley es de orden público.\n\n"
                    "Artículo 2o.- Se aplica en toda la República.\n", encoding="utf-8")
    assert run(capsys, str(text), "--check") == (0, "sin hallazgos\n", "")
