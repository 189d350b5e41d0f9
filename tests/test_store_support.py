"""Fixtures shared by the store, API and SQL-injection tests: one test, both backends.

Import the ``*_fixture`` functions into a test module to use ``db_url`` and ``engine``.

Every store test runs on a fresh SQLite file and on a fresh schema of the real PostgreSQL on
127.0.0.1:5432. When PostgreSQL is unreachable its cases skip, except under CI (env ``CI``
set), where they fail: a CI run must never pass without having touched PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from diffing.model import Change, ChangeType, DiffOp
from parser.model import Annotation, Document, Kind, Provision, Status
from store import open_engine
from store.testing import PostgresUnavailable, temporary_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def database_url(backend: str, tmp_path: Path, stack: contextlib.ExitStack) -> str:
    """A fresh database URL, or the skip/fail decision when PostgreSQL is down."""
    try:
        return stack.enter_context(temporary_database(backend, tmp_path))
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {exc}")
        pytest.skip(str(exc))


@pytest.fixture(name="db_url", params=BACKENDS)
def db_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with contextlib.ExitStack() as stack:
        yield database_url(request.param, tmp_path, stack)


@pytest.fixture(name="engine")
def engine_fixture(db_url: str) -> Iterator[Engine]:
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


# --- a small Estatuto and the shape of its 15/05/2024 modification ------------------------------
TITLE = ("Estatuto Orgánico de los Servicios de Salud del Instituto Mexicano del Seguro Social "
         "para el Bienestar (IMSS-BIENESTAR)")
BASE_DAY = date(2023, 3, 1)
DECREE_DAY = date(2024, 5, 16)

FRACCIONES_57 = {
    "i": "Proponer al Director General las políticas en materia de abasto;",
    "ii": "Coordinar la planeación de las adquisiciones de insumos para la salud;",
    "iii": "Supervisar la distribución de medicamentos a las unidades médicas;",
    "iv": "Administrar los almacenes del organismo;",
    "ix": "Las demás que le confieran otras disposiciones jurídicas.",
}


def fraccion(article: str, number: str, text: str, status: Status = Status.VIGENTE) -> Provision:
    return Provision(f"{article}__frac_{number}", Kind.FRACCION, number.upper(), "", text, status)


def article(number: str, text: str, *children: Provision, annotations: tuple[Annotation, ...] = ()
            ) -> Provision:
    return Provision(f"art_{number}", Kind.ARTICULO, number, "", text, annotations=annotations,
                     children=children)


def base_document() -> Document:
    art_56 = article("56", "La Coordinación de Abasto depende de la Dirección de "
                     "Administración.")
    art_57 = article("57", "Corresponde a la Coordinación de Abasto:",
                     *(fraccion("art_57", n, t) for n, t in FRACCIONES_57.items()),
                     annotations=(Annotation("reformado", (date(2023, 1, 10),)),))
    sec_1 = Provision("cap_7__sec_1", Kind.SECCION, "1", "De la Coordinación de Abasto", "",
                      children=(art_56, art_57))
    cap_7 = Provision("cap_7", Kind.CAPITULO, "7", "De las Coordinaciones", "", children=(sec_1,))
    art_1 = article("1", "El presente Estatuto tiene por objeto regular la "
                    "organización del IMSS-BIENESTAR.")
    cap_1 = Provision("cap_1", Kind.CAPITULO, "1", "Disposiciones Generales", "", children=(art_1,))
    return Document(TITLE, (cap_1, cap_7))


def amended_document() -> tuple[Document, list[Change]]:
    """The shape of the 15/05/2024 decree: IX derogated, IV reformed, a fracción and a section added."""
    base = base_document()
    cap_1, cap_7 = base.provisions
    sec_1 = cap_7.children[0]
    art_56, art_57 = sec_1.children
    derogated = fraccion("art_57", "ix", "Se deroga.", Status.DEROGADO)
    reformed = fraccion("art_57", "iv", "Administrar y supervisar los almacenes del organismo;")
    added = fraccion("art_57", "iv-bis", "Integrar el padrón de proveedores;")
    children = list(art_57.children)
    children[3] = reformed
    children.insert(4, added)
    children[-1] = derogated
    new_57 = Provision(art_57.label, art_57.kind, art_57.number, "", art_57.text,
                       annotations=art_57.annotations, children=tuple(children))
    art_57_bis = article("57-bis", "La Coordinación de Distribución se encarga de "
                         "la logística de insumos.")
    sec_2 = Provision("cap_7__sec_2", Kind.SECCION, "2", "De la Coordinación de Distribución", "",
                      children=(art_57_bis,))
    new_cap_7 = Provision("cap_7", Kind.CAPITULO, "7", cap_7.heading, "",
                          children=(Provision(sec_1.label, sec_1.kind, "1", sec_1.heading, "",
                                              children=(art_56, new_57)), sec_2))
    changes = [
        Change("art_57__frac_iv", ChangeType.MODIFIED, FRACCIONES_57["iv"], reformed.text,
               ((DiffOp.EQUAL, "Administrar "), (DiffOp.INSERT, "y supervisar "),
                (DiffOp.EQUAL, "los almacenes del organismo;"))),
        Change("art_57__frac_iv-bis", ChangeType.ADDED, None, added.text),
        Change("art_57__frac_ix", ChangeType.DEROGATED, FRACCIONES_57["ix"], "Se deroga."),
        Change("cap_7__sec_2", ChangeType.ADDED, None, sec_2.heading),
        Change("art_57-bis", ChangeType.ADDED, None, art_57_bis.text),
    ]
    return Document(TITLE, (cap_1, new_cap_7)), changes
