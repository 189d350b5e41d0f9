"""Issue #9 finding 2: HTML nested deeper than libxml2's 256 levels lost every provision past
that depth, exit 0. A parse now keeps every provision or fails loudly."""

from __future__ import annotations

import pytest

from errors import InputError
from parser.html import html_to_text
from parser.statute import read_statute
from scheduler import main

ARTICLES = 400


def deep_note(depth: int) -> bytes:
    """A DOF-note-shaped page: a title, articles nested ``depth`` divs deep, and TRANSITORIOS."""
    articles = "".join(f'<p class="Texto">Artículo {n}.- Texto del artículo {n}.</p>'
                       for n in range(1, ARTICLES + 1))
    transitorios = ('<div class="ANOTACION">TRANSITORIOS</div>'
                    '<p>Primero.- El presente Decreto entrará en vigor el día siguiente.</p>')
    return ("<html><head><title>LEY DE PRUEBA</title></head><body>"
            '<h1 class="Titulo_1"><span>LEY DE PRUEBA</span></h1>'
            + "<div>" * depth + articles + transitorios + "</div>" * depth
            + "</body></html>").encode()


@pytest.mark.parametrize("depth", [1, 200, 255, 300, 1000, 2000])
def test_every_article_survives_deep_nesting(depth: int) -> None:
    document = read_statute(deep_note(depth), "deep.html")
    articles = [p.label for p in document.provisions if p.label.startswith("art_")]
    assert articles == [f"art_{n}" for n in range(1, ARTICLES + 1)]
    assert document.provisions[-1].label == "tra_1"  # the TRANSITORIOS after them too


def test_nesting_past_the_parser_limit_is_refused_loudly() -> None:
    with pytest.raises(InputError, match="límite del lector"):
        html_to_text(deep_note(2100).decode())


def test_parse_command_fails_in_one_line_on_a_page_too_deep(tmp_path: pytest.TempPathFactory,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "deep.html"  # type: ignore[operator]
    page.write_bytes(deep_note(5000))
    assert main(["parse", str(page)]) != 0
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "límite del lector" in err
