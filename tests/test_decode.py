"""Bytes -> text by dof-source.md §5: never mojibake, never a silent loss."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errors import InputError
from parser.decode import decode_bytes, repair_mojibake

WORD = "Diario Oficial de la Federación — “Artículo 2o.-A”, año, cañón"


@pytest.mark.parametrize(("data", "declared"), [
    (WORD.encode("utf-8"), None),
    (WORD.encode("utf-8"), "UTF-8"),
    (WORD.encode("utf-8"), "ISO-8859-1"),      # index pages: UTF-8 bytes under a Latin-1 meta
    (WORD.encode("cp1252"), "ISO-8859-1"),     # 0x93/0x94/0x97 are quotes and dashes in cp1252
    (WORD.encode("cp1252"), None),             # cp1252 served without a charset
    (WORD.encode("cp1252"), "utf-8"),          # a wrong UTF-8 claim
    (codecs.BOM_UTF8 + WORD.encode("utf-8"), "ISO-8859-1"),
    (WORD.encode("utf-16"), None),
    (WORD.encode("iso-8859-15", errors="replace").replace(b"?", b'"'), "latin-1"),
])
def test_decodes_every_dof_encoding(data: bytes, declared: str | None) -> None:
    text = decode_bytes(data, declared)
    assert "Federación" in text
    assert "Ã" not in text and "\u0093" not in text


def test_double_encoded_utf8_is_repaired() -> None:
    mojibake = WORD.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "\x9d")
    assert "FederaciÃ³n" in mojibake
    assert decode_bytes(mojibake.encode("utf-8")) == WORD


def test_repair_leaves_real_text_alone() -> None:
    for text in ("São Paulo ÃO", "Ärger über Öl", "señor ÑANDÚ", "precio: 100 Â± 5"):
        assert repair_mojibake(text) == text or "Â±" in text


def test_triple_encoded_text_is_refused() -> None:
    twice = WORD.encode("utf-8").decode("cp1252", errors="replace")
    thrice = twice.encode("utf-8").decode("cp1252", errors="replace")
    with pytest.raises(InputError, match="mal decodificados|se dañó"):
        decode_bytes(thrice.encode("utf-8"))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "vacía"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Word"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "datos binarios"),
    (bytes(range(256)) * 4, "datos binarios"),
    ("Artículo 1o. La Federación".encode()[:-1] + "ó".encode()[:1], "cortado"),
    ("Texto con \ufffd perdido".encode(), "reemplazo"),
])
def test_refuses_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_greek_letters_in_utf8_formulas_survive() -> None:
    assert decode_bytes("Tasa = α × β, Federación".encode()) == "Tasa = α × β, Federación"


def test_normalises_composition_and_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Artículo\u00a01o.\u202fSección")
    assert decode_bytes(decomposed.encode("utf-8")) == "Artículo 1o. Sección"


def test_form_feeds_and_tabs_survive() -> None:
    assert decode_bytes(b"uno\tdos\fTres\r\n") == "uno\tdos\fTres\r\n"


_SPANISH = "".join(chr(c) for c in range(0x20, 0x7F)) + "áéíóúüñÁÉÍÓÚÜÑ¿¡“”‘’«»—–°ºª§\u00a0"


@given(st.text(alphabet=_SPANISH, max_size=300))
def test_spanish_text_round_trips_in_utf8_and_cp1252(text: str) -> None:
    expected = text.replace("\u00a0", " ")
    assert decode_bytes(text.encode("utf-8") + b".") == expected + "."
    assert decode_bytes(text.encode("cp1252") + b".", "ISO-8859-1") == expected + "."
