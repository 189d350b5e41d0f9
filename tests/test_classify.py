"""Title classification: amends / creates / abrogates / errata / other, and which instrument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazette import NoticeKind
from scraper.classify import classify

A, C, X, E, OT = (NoticeKind.AMENDS, NoticeKind.CREATES, NoticeKind.ABROGATES, NoticeKind.ERRATA,
                 NoticeKind.OTHER)
IMSS = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
        "Bienestar (IMSS-BIENESTAR)")

GRAMMAR = [  # title as the DOF writes it -> (kind, instrument)
    ("MODIFICACIÓN al Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro "
     "Social para el Bienestar (IMSS-BIENESTAR).", A, IMSS),
    ("ESTATUTO Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
     "Bienestar (IMSS-BIENESTAR).", C, IMSS),
    ("DECRETO por el que se reforman, adicionan y derogan diversas disposiciones del Reglamento de la "
     "Ley General de Cultura Física y Deporte.", A,
     "Reglamento de la Ley General de Cultura Física y Deporte"),
    ("DECRETO por el que se reforman, adicionan y derogan diversas disposiciones del Reglamento del "
     "Registro Público Único de Financiamientos y Obligaciones de Entidades Federativas y Municipios.",
     A, "Reglamento del Registro Público Único de Financiamientos y Obligaciones de Entidades "
     "Federativas y Municipios"),
    ("ACUERDO número 04/03/24 por el que se modifican los Lineamientos para la operación de las "
     "opciones educativas del tipo superior.", A,
     "Lineamientos para la operación de las opciones educativas del tipo superior"),
    ("DECRETO por el que se reforma el artículo 4o. de la Constitución Política de los Estados Unidos "
     "Mexicanos.", A, "Constitución Política de los Estados Unidos Mexicanos"),
    ("DECRETO por el que se declara reformado el artículo 19 de la Constitución Política de los "
     "Estados Unidos Mexicanos, en materia de prisión preventiva oficiosa.", A,
     "Constitución Política de los Estados Unidos Mexicanos"),
    ("DECRETO por el que se reforman y adicionan diversas disposiciones de la Ley de Amparo, "
     "Reglamentaria de los artículos 103 y 107 de la Constitución Política de los Estados Unidos "
     "Mexicanos.", A, "Ley de Amparo, Reglamentaria de los artículos 103 y 107 de la Constitución "
     "Política de los Estados Unidos Mexicanos"),
    ("RESOLUCIÓN que modifica las Reglas Generales de Comercio Exterior para 2024.", A,
     "Reglas Generales de Comercio Exterior para 2024"),
    ("Acuerdo por el que se modifica el Anexo 1 de las Reglas Generales de Comercio Exterior para "
     "2024.", A, "Reglas Generales de Comercio Exterior para 2024"),
    ("DECRETO por el que se expide la Ley General de Aguas y se reforman diversas disposiciones de la "
     "Ley de Aguas Nacionales.", C, "Ley General de Aguas"),
    ("ACUERDO por el que se emiten los Lineamientos para la operación del Programa X.", C,
     "Lineamientos para la operación del Programa X"),
    ("REGLAMENTO Interior de la Secretaría de Salud.", C, "Reglamento Interior de la Secretaría de Salud"),
    ("NORMA Oficial Mexicana NOM-007-ASEA-2016, Transporte de gas natural.", C,
     "Norma Oficial Mexicana NOM-007-ASEA-2016, Transporte de gas natural"),
    ("DECRETO por el que se abroga el Reglamento de la Ley Federal de Juegos y Sorteos.", X,
     "Reglamento de la Ley Federal de Juegos y Sorteos"),
    ("ACUERDO por el que se deja sin efectos el Acuerdo por el que se establecen medidas de apoyo.", X,
     "Acuerdo por el que se establecen medidas de apoyo"),
    ("ACUERDO por el que se abroga el diverso por el que se establece el Comité Consultivo Nacional de "
     "Sanidad Vegetal.", X, "Acuerdo por el que se establece el Comité Consultivo Nacional de Sanidad "
     "Vegetal"),
    ("FE de erratas a la Modificación al Estatuto Orgánico de Servicios de Salud del Instituto "
     "Mexicano del Seguro Social para el Bienestar (IMSS-BIENESTAR), publicada el 15 de mayo de "
     "2024.", E, IMSS),
    ("ACLARACIÓN al Decreto por el que se reforma el artículo 4o. de la Constitución Política de los "
     "Estados Unidos Mexicanos, publicado el 8 de mayo de 2020.", E,
     "Constitución Política de los Estados Unidos Mexicanos"),
    ("NOTA Aclaratoria a la Norma Oficial Mexicana NOM-001-SEDE-2012, publicada el 29 de noviembre "
     "de 2012.", E, "Norma Oficial Mexicana NOM-001-SEDE-2012"),
    ("FE de erratas a la Ley del Impuesto al Valor Agregado, publicada el 29 de diciembre de 1978.",
     E, "Ley del Impuesto al Valor Agregado"),
    ("DECRETO por el que se crea el organismo público descentralizado denominado Servicios de Salud "
     "del Instituto Mexicano del Seguro Social para el Bienestar (IMSS-BIENESTAR).", OT, None),
    ("CONVENIO Modificatorio al Convenio de Coordinación que celebran la Secretaría de Gobernación y "
     "el Estado de Oaxaca.", OT, None),
    ("TIPO de cambio para solventar obligaciones denominadas en moneda extranjera pagaderas en la "
     "República Mexicana.", OT, None),
    ("AVISO por el que se da a conocer el cambio de domicilio oficial del Centro Nacional de "
     "Conservación y Registro del Patrimonio Artístico Mueble.", OT, None),
]


@pytest.mark.parametrize("title, kind, document", GRAMMAR, ids=lambda v: str(v)[:40])
def test_grammar_titles(title: str, kind: NoticeKind, document: str | None) -> None:
    assert classify(title) == (kind, document)


VEDA = ("Acuerdo que establece veda temporal para la pesca comercial de atún aleta amarilla (Thunnus "
        "albacares)")


def _real_titles(samples: Path) -> list[dict[str, str]]:
    path = samples / "notes-corpus" / "dof_2026-07-31_MAT_27_notas_body_text.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_all_27_real_titles(samples: Path) -> None:
    """31/07/2026 MAT: one amendment (the tuna veda Acuerdo), 26 notes that touch no instrument."""
    records = _real_titles(samples)
    assert len(records) == 27
    results = {str(r["codigo"]): classify(r["titulo"]) for r in records}
    kind, document = results.pop("5795172")
    assert kind is A and document is not None and document.startswith(VEDA)
    assert document.endswith("para los años 2025-2026")  # ", publicado el 23 de junio…" cut
    assert set(results.values()) == {(OT, None)}


def test_index_and_body_spellings_agree(samples: Path) -> None:
    """The index writes 'Acuerdo por el que…', the body 'ACUERDO por el que…': same answer."""
    for record in _real_titles(samples):
        body_title = record["body_text"][: len(record["titulo"])]
        if body_title.lower() == record["titulo"].lower():
            assert classify(body_title) == classify(record["titulo"])


@given(st.text(max_size=300))
def test_any_text_classifies(title: str) -> None:
    kind, document = classify(title)
    assert kind in NoticeKind
    assert document is None or document.strip() == document
