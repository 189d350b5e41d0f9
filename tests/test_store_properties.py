"""Properties of the version store over random edit sequences, on both backends.

Whatever sequence of texts a document goes through (fracciones added, reworded, derogated,
removed, articles moved between chapters, several versions on one day), the store gives back
every text on its date, and versions of one label never overlap.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)

import store
from parser.model import Document, Kind, Provision, Status
from store import schema as s

WORDS = st.sampled_from(["Proponer políticas;", "Coordinar la planeación;", "Se deroga.",
                         "Supervisar la distribución;", ""])
_titles = itertools.count()


@st.composite
def articles(draw: st.DrawFn, number: int) -> Provision:
    label = f"art_{number}"
    numbers = draw(st.lists(st.sampled_from(["i", "ii", "iii", "iv"]), unique=True, max_size=4))
    fracciones = tuple(Provision(f"{label}__frac_{n}", Kind.FRACCION, n.upper(), "", draw(WORDS),
                                 draw(st.sampled_from(Status))) for n in sorted(numbers))
    return Provision(label, Kind.ARTICULO, str(number), "", draw(WORDS), children=fracciones)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    numbers = draw(st.lists(st.integers(1, 5), unique=True, max_size=5))
    chapter_of = {n: draw(st.integers(1, 2)) for n in numbers}
    chapters = []
    for chapter in (1, 2):
        inside = tuple(draw(articles(n)) for n in sorted(numbers) if chapter_of[n] == chapter)
        if inside or draw(st.booleans()):
            chapters.append(Provision(f"cap_{chapter}", Kind.CAPITULO, str(chapter), draw(WORDS), "",
                                      children=inside))
    return Document("Ley de prueba", tuple(chapters))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(documents(), min_size=1, max_size=6), gaps=st.lists(st.integers(0, 2), min_size=6,
                                                                           max_size=6))
def test_every_text_comes_back_on_its_date(engine: Engine, texts: list[Document], gaps: list[int]) -> None:
    day = date(2020, 1, 1)
    in_force: dict[date, Document] = {}
    by_revision: dict[int, Document] = {}
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, f"Ley de prueba {next(_titles)}", texts[0], day)
    in_force[day] = by_revision[1] = texts[0]
    for text, gap in zip(texts[1:], gaps, strict=False):
        day += timedelta(days=gap)  # a gap of 0: two versions on one day
        with store.transaction(engine) as conn:
            applied = store.apply_new_version(conn, document_id, text, [], day)
        in_force[day] = by_revision[applied.revision] = text
    with engine.connect() as conn:
        assert store.current_document(conn, document_id).provisions == texts[-1].provisions
        for when, text in in_force.items():
            assert store.document_at(conn, document_id, when).provisions == text.provisions
    assert_live_rows_are_the_text(engine, document_id, by_revision)
    assert_versions_never_overlap(engine, document_id)


def assert_live_rows_are_the_text(engine: Engine, document_id: int, by_revision: dict[int, Document]) -> None:
    """No orphans: the rows live at each revision are exactly that text's provisions."""
    pv = s.provision_version
    with engine.connect() as conn:
        rows = conn.execute(select(pv.c.label, pv.c.rev_from, pv.c.rev_to)
                            .where(pv.c.document_id == document_id)).all()
    for number, text in by_revision.items():
        live = sorted(r.label for r in rows
                      if r.rev_from <= number and (r.rev_to is None or r.rev_to > number))
        assert live == sorted(p.label for p in text.walk()), number


def assert_versions_never_overlap(engine: Engine, document_id: int) -> None:
    pv = s.provision_version
    with engine.connect() as conn:
        rows = conn.execute(select(pv.c.label, pv.c.rev_from, pv.c.rev_to, pv.c.valid_from, pv.c.valid_to)
                            .where(pv.c.document_id == document_id)
                            .order_by(pv.c.label, pv.c.rev_from)).all()
    by_label: dict[str, list[tuple[int, int | None, date, date | None]]] = {}
    for label, *interval in rows:
        by_label.setdefault(label, []).append(tuple(interval))  # type: ignore[arg-type]
    for label, versions in by_label.items():
        assert sum(1 for v in versions if v[1] is None) <= 1, label
        for (rev_from, rev_to, valid_from, valid_to), following in zip(versions, versions[1:] + [None],
                                                                       strict=True):
            assert rev_to is None or rev_to > rev_from
            assert valid_to is None or valid_to >= valid_from
            if following is not None:
                assert rev_to is not None and rev_to <= following[0], label
                assert valid_to is not None and valid_to <= following[2], label
