"""The parser on real texts: Cámara consolidations (Ley de Amparo, Ley del IVA) and two complete
Reglamento decrees of DOF 01/04/2024 as converted by marker.

Every expected count below was established without the parser, as each comment says: a grep over
the sample (the line ranges exclude the law's own transitorios and the reform appendix) and,
where grep and the tree disagreed, by reading the lines in question. The greps are also run here,
so a change in the samples shows up as a failing cross-check rather than a silent drift.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from parser import Document, Kind, Status, format_citation, parse_citation, read_statute

_DOF_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{4}")


def _sample(samples: Path, folder: str, pattern: str) -> Path:
    found = sorted((samples / folder).glob(pattern))
    if not found:
        pytest.skip(f"sample {folder}/{pattern} is missing")
    return found[0]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _grep(lines: list[str], pattern: str, start: int = 1, stop: int | None = None) -> int:
    """Lines (1-based, start <= n < stop) matching ``pattern`` at their start."""
    regex = re.compile(pattern)
    return sum(1 for line in lines[start - 1:stop - 1 if stop else None] if regex.match(line))


def _counts(document: Document) -> Counter[Kind]:
    return Counter(p.kind for p in document.walk())


def _no_history_in_text(document: Document) -> None:
    for provision in document.walk():
        assert not _DOF_DATE.search(provision.text), (provision.label, provision.text)
        assert not _DOF_DATE.search(provision.heading), (provision.label, provision.heading)
        assert "DOF" not in provision.text.split(), (provision.label, provision.text)


def _labels_unique(document: Document) -> None:
    labels = [p.label for p in document.walk()]
    assert len(labels) == len(set(labels))


# --- Ley de Amparo (Cámara, última reforma DOF 16-10-2025) ---------------------------------------
# Lines 1-5342 hold the law; 5343 "TRANSITORIOS"; 5412-5420 "ARTÍCULO SEGUNDO. ……." ... of the
# enacting decree; 5447 "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA".
AMPARO_LAW_END = 5343


@pytest.fixture(scope="module")
def amparo(samples: Path) -> tuple[Document, list[str]]:
    path = _sample(samples, "consolidated", "LAmp_*.txt")
    return read_statute(path.read_bytes(), path.name), _lines(path)


def test_amparo_counts(amparo: tuple[Document, list[str]]) -> None:
    document, lines = amparo
    counts = _counts(document)
    # grep '^Artículo [0-9]+' over lines 1-5342: 272 (1o..271 plus 80 Bis; read: no other Bis).
    assert _grep(lines, r"Artículo [0-9]+", 1, AMPARO_LAW_END) == 272
    assert counts[Kind.ARTICULO] == 272
    # grep '^[IVXL]+\. ' over the law: 293, all real fracciones (read: II of art. 59 opens page 23
    # right after "... en cuestión, o", the one a naive line join would lose).
    assert _grep(lines, r"[IVXL]+\.\s", 1, AMPARO_LAW_END) == 293
    assert counts[Kind.FRACCION] == 293
    assert _grep(lines, r"[a-zñ]\)\s", 1, AMPARO_LAW_END) == 67
    assert counts[Kind.INCISO] == 67
    # Transitorios of the law: PRIMERO .. DÉCIMO PRIMERO at lines 5345-5402 (11, read); the
    # "ARTÍCULO SEGUNDO ... SEXTO" and "TRANSITORIO ÚNICO" after them belong to the enacting decree.
    assert _grep(lines, r"(?!CÁMARA)[A-ZÉÚÁÍÓ ]+\. ", AMPARO_LAW_END, 5412) == 11
    assert counts[Kind.TRANSITORIO] == 11
    assert (_grep(lines, r"TÍTULO ", 1, AMPARO_LAW_END), counts[Kind.TITULO]) == (5, 5)
    assert (_grep(lines, r"CAPÍTULO ", 1, AMPARO_LAW_END), counts[Kind.CAPITULO]) == (29, 29)
    assert (_grep(lines, r"Sección [A-Z]", 1, AMPARO_LAW_END), counts[Kind.SECCION]) == (14, 14)
    assert counts[Kind.APARTADO] == 2  # art. 173, Apartados A and B (lines 3733, 3814)


def test_amparo_labels_and_structure(amparo: tuple[Document, list[str]]) -> None:
    document, _ = amparo
    index = document.index()
    _labels_unique(document)
    assert document.title.startswith("LEY DE AMPARO, REGLAMENTARIA DE LOS ARTÍCULOS 103 Y 107")
    assert [p.label for p in document.provisions[:2]] == ["tit_1", "tit_2"]
    assert index["tit_1__cap_5__sec_2"].heading == "Conflictos Competenciales"
    assert index["tit_4__cap_4"].heading == "Jurisprudencia por Contradicción de Criterios"
    assert "art_80-bis" in index and "art_271" in index
    assert [c.label for c in index["art_1"].children] == [
        "art_1__par_1", "art_1__frac_i", "art_1__frac_ii", "art_1__frac_iii", "art_1__par_2"]
    assert index["art_1__par_2"].text.startswith("El amparo protege a las personas")
    assert [c.label for c in index["art_173"].children] == [
        "art_173__par_1", "art_173__apt_a", "art_173__apt_b"]
    assert index["art_173__apt_a"].heading == "Sistema de Justicia Penal Mixto"
    assert "art_173__apt_b__frac_xix" in index
    # A paragraph that continues across a page break stays one paragraph.
    assert index["art_3__par_10"].text.endswith(
        "así como de los acuerdos, resoluciones o sentencias y toda información relacionada con "
        "los expedientes en el sistema.")
    assert index["tra_10"].status is Status.DEROGADO
    assert "tra_12" not in index


def test_amparo_history_notes(amparo: tuple[Document, list[str]]) -> None:
    document, _ = amparo
    index = document.index()
    _no_history_in_text(document)
    assert [(a.verb, a.unit) for a in index["art_1__frac_ii"].annotations] == [("reformado", "fraccion")]
    assert index["art_2__par_2"].annotations[0].dates[0].isoformat() == "2025-03-13"
    # "Párrafo con fracciones adicionado" after fracción II goes to the paragraph introducing them.
    assert index["art_59__par_2"].annotations[0].unit == "parrafo con fracciones"
    assert index["art_173"].annotations[0].verb == "reestructurado"
    assert index["art_173__apt_a"].annotations[0].unit == "apartado con fracciones"
    assert index["tit_4__cap_4"].annotations[0].note == "(antes Capítulo III)"
    assert index["tra_10"].annotations[0].verb == "derogado"
    notes = sum(len(p.annotations) for p in document.walk())
    assert notes > 400


# --- Ley del IVA (Cámara, última reforma DOF 12-11-2021) -----------------------------------------
IVA_LAW_END = 3172      # "TRANSITORIOS"; appendix heading at line 3278


@pytest.fixture(scope="module")
def iva(samples: Path) -> tuple[Document, list[str]]:
    path = _sample(samples, "consolidated", "LIVA_*.txt")
    return read_statute(path.read_bytes(), path.name), _lines(path)


def test_iva_counts(iva: tuple[Document, list[str]]) -> None:
    document, lines = iva
    counts = _counts(document)
    assert _grep(lines, r"Artículo [0-9]+", 1, IVA_LAW_END) == 80
    assert counts[Kind.ARTICULO] == 80
    # 154 roman fracciones by grep, plus "l.-" at line 2962: fracción I of art. 41 typed with a
    # lowercase L (read: II.- to V.- follow it).
    assert _grep(lines, r"[IVXL]+(-[A-Z])?( Bis)?\.-?\s", 1, IVA_LAW_END) == 154
    assert _grep(lines, r"l\.-\s", 1, IVA_LAW_END) == 1
    assert counts[Kind.FRACCION] == 155
    # 51 lines open "x) " but line 954 is a wrapped reference ("c) y d), numeral 3 y en el ...");
    # 27 more open "x).- " (art. 2-A: "c).-  Hielo y agua no gaseosa …", line 358).
    assert _grep(lines, r"[a-zñ]\)\s", 1, IVA_LAW_END) == 51
    assert _grep(lines, r"[a-zñ]\)\.-\s", 1, IVA_LAW_END) == 27
    assert counts[Kind.INCISO] == 50 + 27
    # Numerales: 30 line starts in the law minus the "l.-" fracción (29), plus 18 in transitorio
    # Segundo ("1.-" .. "l8.-", several typed with a lowercase L) = 47.
    assert _grep(lines, r"[0-9l]{1,2}\.-?\s", 1, IVA_LAW_END) == 30
    assert _grep(lines, r"[0-9l]{1,2}\.-?\s", IVA_LAW_END, 3278) == 18
    assert counts[Kind.NUMERAL] == 47
    assert _grep(lines, r"Artículo [A-Z][a-z]+\.-", IVA_LAW_END, 3278) == 5
    assert counts[Kind.TRANSITORIO] == 5
    assert (_grep(lines, r"CAP[IÍ]TULO ", 1, IVA_LAW_END), counts[Kind.CAPITULO]) == (10, 10)
    assert counts[Kind.SECCION] == 2


def test_iva_labels_and_notes(iva: tuple[Document, list[str]]) -> None:
    document, _ = iva
    index = document.index()
    _labels_unique(document)
    _no_history_in_text(document)
    assert document.title == "LEY DEL IMPUESTO AL VALOR AGREGADO"
    for label in ("art_1-a", "art_1-a-bis", "art_2-a", "art_18-h-quater", "art_18-h-quintus",
                  "cap_3-bis__sec_2", "art_41__frac_i", "tra_2__num_18", "art_2-a__frac_i__inc_b__num_4"):
        assert label in index, label
    assert index["art_18-b"].number == "18-B"
    fraccion = index["art_1-a__frac_iv"]
    assert fraccion.status is Status.DEROGADO
    # The note wraps onto a second line in the PDF ("... Adicionada DOF 09-12-2019.\nDerogada ...").
    assert [a.verb for a in fraccion.annotations] == [
        "adicionado", "reformado", "derogado", "adicionado", "derogado"]
    assert fraccion.annotations[-1].dates[0].isoformat() == "2021-04-23"
    assert index["cap_3-bis"].annotations[0].verb == "adicionado"
    assert index["art_2"].status is Status.DEROGADO
    # Paragraphs after fracción I of art. 41 and before II belong to the fracción.
    assert "art_41__frac_i__par_2" in index


# --- Reglamento decrees, DOF 01/04/2024 (marker Markdown) ---------------------------------------
def test_decree_cultura_fisica(samples: Path) -> None:
    path = _sample(samples, "texts", "*Cultura_Fisica_Deporte*")
    document = read_statute(path.read_bytes(), path.name)
    counts = _counts(document)
    # Read from the decree: articles 2, 82, 83 (Derogado), 84, 84 Bis .. 84 Sextus.
    labels = [p.label for p in document.provisions if p.kind is Kind.ARTICULO]
    assert labels == ["art_2", "art_82", "art_83", "art_84", "art_84-bis", "art_84-ter",
                      "art_84-quater", "art_84-quintus", "art_84-sextus"]
    # Fracciones with text: 2 (IV-VI), 84 Bis (I-III), 84 Quáter (I-IX), 84 Sextus (I-III) = 18;
    # "I. a III. ..." is an elision, not a fracción.
    assert counts[Kind.FRACCION] == 18
    # Incisos: 84 Bis II a)-e), 84 Sextus II a)-b) and III a)-b) = 9.
    assert counts[Kind.INCISO] == 9
    assert counts[Kind.TRANSITORIO] == 4
    index = document.index()
    assert index["art_83"].status is Status.DEROGADO
    assert [c.label for c in index["art_2"].children] == [
        "art_2__frac_iv", "art_2__frac_v", "art_2__frac_vi"]
    # "Para reactivar ..." follows inciso b) and precedes fracción III: a paragraph of fracción II.
    assert index["art_84-sextus__frac_ii__par_2"].text.startswith("Para reactivar la entrega")
    _labels_unique(document)


def test_decree_registro_publico(samples: Path) -> None:
    path = _sample(samples, "texts", "*Registro_Publico_Unico*")
    text = path.read_text(encoding="utf-8")
    document = read_statute(path.read_bytes(), path.name)
    counts = _counts(document)
    # 24 restated articles (grep '**Artículo N.'): 1, 2, 6, 13, 17, 21, 25-33, 39-42, 45, 47, 48, 50, 51.
    assert len(re.findall(r"\*\*Artículo \d+\.", text)) == 24
    assert counts[Kind.ARTICULO] == 24
    # Fracciones with text: 41 '**N.** ' + 4 table rows ('| VI. | ...') by grep, plus
    # '**III**.' at line 198 (bold closed before the period; read) = 46.
    with_text = [line for line in text.split("\n") if "…" not in line and "..." not in line]
    assert sum(bool(re.search(r"\*\*[IVXL]+\.\*\* |^\| *[IVXL]+\. *\| *[A-Z]", line))
               for line in with_text) == 45
    assert counts[Kind.FRACCION] == 46
    assert sum(bool(re.search(r"\*\*[a-zñ]\)\*\* ", line)) for line in with_text) == 24
    assert counts[Kind.INCISO] == 24
    assert counts[Kind.TRANSITORIO] == 6
    assert counts[Kind.CAPITULO] == 1
    _labels_unique(document)


def test_every_real_label_round_trips_through_citations(amparo: tuple[Document, list[str]],
                                                        iva: tuple[Document, list[str]],
                                                        samples: Path) -> None:
    """label -> 'artículo 2-A, fracción I, inciso b), numeral 4' -> the same label, for all of them."""
    decree = _sample(samples, "texts", "*Cultura_Fisica_Deporte*")
    documents = [amparo[0], iva[0], read_statute(decree.read_bytes())]
    labels = [p.label for document in documents for p in document.walk()]
    assert len(labels) > 1900
    for label in labels:
        assert parse_citation(format_citation(label)) == label, (label, format_citation(label))
    assert format_citation("art_84-sextus") == "artículo 84 Sextus"
    assert parse_citation("artículo 84 Sextus, fracción II") == "art_84-sextus__frac_ii"
