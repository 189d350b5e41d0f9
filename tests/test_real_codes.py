"""read_statute on seven real Cámara codes, judged by what was established without it.

The expected values live in tests/real_codes_expected.py (with the line numbers that prove them) and
come from tests/tools/real_codes_census.py (printed by real_codes_report.py), which share no code
with parser/. For each code:
(a) the text is read without an exception; (b) exactly the expected ordered article labels, number
of derogated articles, of the law's own transitorios and of the fracciones and incisos
in its articles; (c) for a few hard articles, the epigraph,
the first and last words and the fracciones / incisos / subnumerales, and every epigraph of the
cnpp (none elsewhere); (d) no provision text carries
page furniture or a Cámara history note; (e) every run of sibling fracciones is in Roman order and
every run of incisos in letter order.

What today's parser does not do yet is listed in KNOWN_FAILURES, the one place to edit: each entry is
a strict xfail, so a case that starts to pass fails the run until its entry is deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from real_codes_epigraphs import CNPP_EPIGRAPHS
from real_codes_expected import CODES, Code, Spot
from tools import real_codes_census as census
from tools import real_codes_report as report

from parser import Document, Kind, Provision, Status, read_statute

# (code, check) -> why today's parser fails it. Delete an entry when the parser branch makes it pass.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
}


def _cases(check: str) -> list[object]:
    cases: list[object] = []
    for key in CODES:
        reason = KNOWN_FAILURES.get((key, check))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(key, marks=marks, id=key))
    return cases


_documents: dict[str, Document] = {}


def _source(samples: Path, code: Code) -> Path:
    path = samples / code.path
    if not path.is_file():
        pytest.skip(f"sample {code.path} is missing")
    return path


def _document(samples: Path, key: str) -> Document:
    """The code read once per session; an exception is raised again in every test that asks."""
    if key not in _documents:
        path = _source(samples, CODES[key])
        _documents[key] = read_statute(path.read_bytes(), path.name)
    return _documents[key]


def _articles(document: Document) -> list[Provision]:
    return [p for p in document.walk() if p.kind is Kind.ARTICULO]


def _words(provision: Provision) -> str:
    """The article's own text and all its descendants', white space folded."""
    return " ".join(" ".join(p.text for p in provision.walk() if p.text).split())


_PARRAFO_PART = re.compile(r"par_\d+__")


def _units(article: Provision) -> tuple[str, ...]:
    """Fracciones, incisos and subnumerales under the article, relative labels, párrafo parts left out."""
    prefix = article.label + "__"
    return tuple(_PARRAFO_PART.sub("", p.label.removeprefix(prefix)) for p in article.walk()
                 if p.kind in (Kind.FRACCION, Kind.INCISO)
                 or (p.kind is Kind.NUMERAL and re.fullmatch(r"num_[ivx]+", p.label.rsplit("__", 1)[-1])))


# --- the census itself still reads the samples as recorded (independent of the parser) -------------
@pytest.mark.parametrize("key", list(CODES))
def test_census_still_reads_the_samples_so(samples: Path, key: str) -> None:
    code = CODES[key]
    text = _source(samples, code).read_text(encoding="utf-8")
    found = census.census(key, text)
    assert found.body == code.body
    assert found.labels == list(code.labels)
    assert len(set(code.labels)) == len(code.labels)
    assert (found.derogated, len(found.transitorio_lines)) == (code.derogated, code.transitorios)
    counted = census.units(key, text)
    assert (len(counted.fracciones), len(counted.incisos)) == (code.fracciones, code.incisos)
    assert tuple(len(lines) for lines in census.containers(key, text).values()) == code.containers
    for spot in code.spots:
        outline = report.outline(key, text, spot.label)
        assert outline.line == spot.line, spot.label
        if spot.units is not None and not spot.corrected:
            assert outline.units == spot.units, spot.label


def test_census_epigraphs_still_read_so(samples: Path) -> None:
    text = _source(samples, CODES["cnpp"]).read_text(encoding="utf-8")
    assert report.epigraphs("cnpp", text) == CNPP_EPIGRAPHS


def test_census_hand_counts_of_sources_md() -> None:
    """SOURCES.md counted the five tezca codes by hand-checked regex; the census agrees with each."""
    hand = {"cff": 421, "cnpp": 490, "lft": 1264, "lic": 492, "ccom": 1641}
    assert {key: len(CODES[key].labels) for key in hand} == hand


# --- (a) and (b) ------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", _cases("reads"))
def test_reads(samples: Path, key: str) -> None:
    document = _document(samples, key)
    assert document.title.startswith(CODES[key].running_title[:20])


@pytest.mark.parametrize("key", _cases("articles"))
def test_article_labels_in_order(samples: Path, key: str) -> None:
    labels = [p.label for p in _articles(_document(samples, key))]
    expected = list(CODES[key].labels)
    missing = [label for label in expected if label not in set(labels)]
    extra = [label for label in labels if label not in set(expected)]
    assert (missing[:10], extra[:10]) == ([], [])
    assert labels == expected


@pytest.mark.parametrize("key", _cases("derogated"))
def test_derogated_articles(samples: Path, key: str) -> None:
    articles = _articles(_document(samples, key))
    assert sum(p.status is Status.DEROGADO for p in articles) == CODES[key].derogated


@pytest.mark.parametrize("key", _cases("transitorios"))
def test_transitorios_of_the_law(samples: Path, key: str) -> None:
    document = _document(samples, key)
    assert sum(p.kind is Kind.TRANSITORIO for p in document.walk()) == CODES[key].transitorios


@pytest.mark.parametrize("key", _cases("units"))
def test_fracciones_and_incisos_of_the_articles(samples: Path, key: str) -> None:
    articles = _articles(_document(samples, key))
    kinds = [p.kind for article in articles for p in article.walk()]
    assert (kinds.count(Kind.FRACCION), kinds.count(Kind.INCISO)) == (CODES[key].fracciones,
                                                                      CODES[key].incisos)


_CONTAINER_KINDS = (Kind.LIBRO, Kind.TITULO, Kind.CAPITULO, Kind.SECCION)


@pytest.mark.parametrize("key", _cases("containers"))
def test_libros_titulos_capitulos_secciones(samples: Path, key: str) -> None:
    kinds = [p.kind for p in _document(samples, key).walk()]
    assert tuple(kinds.count(kind) for kind in _CONTAINER_KINDS) == CODES[key].containers


# --- (c) --------------------------------------------------------------------------------------------
def _check_spot(index: dict[str, Provision], spot: Spot) -> None:
    assert spot.label in index, spot.label
    article = index[spot.label]
    if spot.heading:
        assert article.heading == spot.heading, spot.label
    words = _words(article)
    assert words.startswith(spot.starts), (spot.label, words[:120])
    assert words.endswith(spot.ends), (spot.label, words[-120:])
    if spot.units is not None:
        assert _units(article) == spot.units, spot.label


@pytest.mark.parametrize("key", _cases("spots"))
def test_spot_checked_articles(samples: Path, key: str) -> None:
    index = _document(samples, key).index()
    for spot in CODES[key].spots:
        _check_spot(index, spot)


EPIGRAPHS: dict[str, dict[str, str]] = {"cnpp": CNPP_EPIGRAPHS}


def _folded(heading: str) -> str:
    """A heading as compared: white space folded, a final period left out (art. 235's has one)."""
    return " ".join(heading.split()).removesuffix(".")


@pytest.mark.parametrize("key", _cases("epigraphs"))
def test_epigraphs(samples: Path, key: str) -> None:
    document = _document(samples, key)
    expected = EPIGRAPHS.get(key, {})
    units = [p for p in document.walk() if p.kind in (Kind.ARTICULO, Kind.TRANSITORIO)]
    read = {p.label: _folded(p.heading) for p in units if p.heading or p.label in expected}
    wrong = {label: (read.get(label), _folded(epigraph)) for label, epigraph in expected.items()
             if read.get(label) != _folded(epigraph)}
    unexpected = {label: heading for label, heading in read.items() if label not in expected}
    assert (list(wrong.items())[:5], len(wrong)) == ([], 0)
    assert list(unexpected.items())[:5] == []


# --- (d) --------------------------------------------------------------------------------------------
_FURNITURE = ("CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN", "Última Reforma DOF", "Secretaría General",
              "Secretaría de Servicios Parlamentarios")
_HISTORY = re.compile(r"\b(?:[Rr]eformad|[Aa]dicionad|[Dd]erogad)[oa]s?\s+DOF\s+\d{2}-\d{2}-\d{4}")


def _page_counter(samples: Path, code: Code) -> re.Pattern[str]:
    text = _source(samples, code).read_text(encoding="utf-8")
    pages = re.findall(r"^\s*\d+ de (\d+)\s*$", text, flags=re.MULTILINE)
    assert pages, code.key
    return re.compile(rf"\b\d+ de {pages[-1]}\b")


def _texts(document: Document) -> Iterator[tuple[str, str]]:
    for provision in document.walk():
        yield provision.label, provision.heading
        yield provision.label, provision.text


@pytest.mark.parametrize("key", _cases("furniture"))
def test_no_page_furniture_or_history_in_text(samples: Path, key: str) -> None:
    code = CODES[key]
    counter = _page_counter(samples, code)
    for label, text in _texts(_document(samples, key)):
        for furniture in (*_FURNITURE, code.running_title):
            assert furniture not in text, (label, furniture, text[:200])
        assert not counter.search(text), (label, text[:200])
        assert not _HISTORY.search(text), (label, text[:200])


# --- (e) --------------------------------------------------------------------------------------------
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_LATIN_RANK = {"bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "quintus": 5, "sexies": 6}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _qualifier_rank(part: str) -> int:
    if part in _LATIN_RANK:
        return 100 + _LATIN_RANK[part]
    return 2 * (ord(part[0]) - ord("a")) + (1 if part == "nn" else 0)  # ñ (nn) right after n


def _order_key(kind: Kind, label: str) -> tuple[int, ...]:
    number = label.rsplit("__", 1)[-1].split("_", 1)[1]
    base, *qualifiers = number.split("-")
    first = _roman(base) if kind is Kind.FRACCION else _qualifier_rank(base)
    return (first, *(_qualifier_rank(q) for q in qualifiers))


def _runs(children: tuple[Provision, ...], kind: Kind) -> Iterator[list[Provision]]:
    run: list[Provision] = []
    for child in children:
        if child.kind is kind:
            run.append(child)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


@pytest.mark.parametrize("key", _cases("order"))
def test_fracciones_and_incisos_in_order(samples: Path, key: str) -> None:
    for provision in _document(samples, key).walk():
        for kind in (Kind.FRACCION, Kind.INCISO):
            for run in _runs(provision.children, kind):
                keys = [_order_key(kind, p.label) for p in run]
                assert keys == sorted(set(keys)), [p.label for p in run]
