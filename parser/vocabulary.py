"""The words Mexican statutes number and mark their units with, in one place.

Roman numerals, ordinal and cardinal words, Latin qualifiers ("Bis", "Quáter", "Séptimus")
and their order, the two folds (text matching and labels), and the regex fragments every
reader shares: ellipses that stand for unchanged text and the placeholders of a derogation.
Pure functions and constants; ``parser.labels`` builds label numbers from them, and the regex
fragments are built with ``parser.word_patterns``.
"""

from __future__ import annotations

import re
import unicodedata

from .word_patterns import accent_tolerant, any_word

# --- folds -----------------------------------------------------------------------------------


# The combining marks of U+0300-U+036F (accents, tilde, diaeresis: all that NFKD splits off
# Spanish letters), for the fast path of fold_text.
_ACCENTS = re.compile("[" + "".join(chr(code) for code in range(0x300, 0x370)
                                    if unicodedata.combining(chr(code))) + "]")


def fold_text(text: str) -> str:
    """Lowercase ASCII with accents removed, for matching words: ñ is n.

    Every combining mark of the NFKD form is dropped. Fast path (about 2.5x faster on Spanish
    text, and history notes fold thousands of lines): when removing the common accents in one
    regex pass already leaves ASCII, no other mark was left to drop and the two ways agree.

    >>> fold_text("Quáter Ñ año")
    'quater n ano'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = _ACCENTS.sub("", decomposed)
    if stripped.isascii():
        return stripped.lower()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_label(text: str) -> str:
    """Lowercase ASCII for label numbers: as ``fold_text``, but Ñ becomes ``nn`` (DESIGN §1.2),
    so that 353-Ñ never collides with 353-N.

    >>> fold_label("353-Ñ"), fold_label("XXIX-ñ"), fold_label("Séptimus")
    ('353-nn', 'xxix-nn', 'septimus')
    """
    return fold_text(text.replace("Ñ", "NN").replace("ñ", "nn"))


def unfold_label(number_piece: str) -> str:
    """The letter a label piece stands for, upper-case: 'nn' -> 'Ñ', 'a' -> 'A'.

    >>> unfold_label("nn"), unfold_label("xxix")
    ('Ñ', 'XXIX')
    """
    return "Ñ" if number_piece == "nn" else number_piece.upper()


# --- Roman numerals -------------------------------------------------------------------------

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_OUT = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def is_roman(token: str) -> bool:
    """Whether ``token`` is a well-formed Roman numeral (either case).

    >>> is_roman("xxix"), is_roman("IIII"), is_roman("")
    (True, False, False)
    """
    low = token.strip().lower()
    return bool(low) and _ROMAN_RE.match(low) is not None


def roman_to_int(numeral: str) -> int:
    """Value of a Roman numeral; ``ValueError`` if it is not one.

    >>> roman_to_int("XXIX"), roman_to_int("xliv")
    (29, 44)
    """
    low = numeral.strip().lower()
    if not is_roman(low):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    total = 0
    for current, following in zip(low, low[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


def int_to_roman(value: int) -> str:
    """Upper-case Roman numeral of 1..3999.

    >>> int_to_roman(14), int_to_roman(3999)
    ('XIV', 'MMMCMXCIX')
    """
    if not 0 < value < 4000:
        raise ValueError(f"no Roman numeral for {value}")
    out = []
    for amount, symbol in _ROMAN_OUT:
        count, value = divmod(value, amount)
        out.append(symbol * count)
    return "".join(out)


# --- letters ------------------------------------------------------------------------------------

# The letters units are lettered with, in the Spanish order, as label pieces: Ñ (``nn``) follows
# N, as LFT 353-N, 353-Ñ, 353-O and Constitución 73 XXIX-N, XXIX-Ñ, XXIX-O print them.
LETTERS: tuple[str, ...] = (*"abcdefghijklmn", "nn", *"opqrstuvwxyz")
# The same without Ñ: the LFT letters 291-N, 291-O (and 353-N, 353-Ñ, 353-O).
PLAIN_LETTERS: tuple[str, ...] = tuple(letter for letter in LETTERS if letter != "nn")


def letters_after(first: str, last: str) -> tuple[str, ...]:
    """The label letters after ``first`` up to ``last``; ``ValueError`` if either is no letter
    or ``last`` does not come after ``first``.

    Ñ counts only in a run that names it: the same law has 353-N, 353-Ñ, 353-O and 291-N, 291-O
    (LFT; the decree adding the latter says "los artículos 291-A a 291-U"), so a run between
    two plain letters is read in the plain alphabet, and the base text settles the rest.

    >>> letters_after("m", "o"), letters_after("nn", "p"), letters_after("a", "c")
    (('n', 'o'), ('o', 'p'), ('b', 'c'))
    """
    alphabet = LETTERS if "nn" in (first, last) else PLAIN_LETTERS
    if first not in alphabet or last not in alphabet or alphabet.index(last) <= alphabet.index(first):
        raise ValueError(f"no run of letters from {first!r} to {last!r}")
    return alphabet[alphabet.index(first) + 1:alphabet.index(last) + 1]


# --- ordinal and cardinal words ---------------------------------------------------------------

_UNITS_ORD = {
    "primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4,
    "quinto": 5, "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9, "nono": 9,
}
_TENS_ORD = {
    "decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50,
    "sexagesimo": 60, "septuagesimo": 70, "octogesimo": 80, "nonagesimo": 90,
}
_SPECIAL_ORD = {"unico": 1, "undecimo": 11, "duodecimo": 12, "centesimo": 100}
# Partitives written for ordinals: "décimo y onceavo párrafos" (Código de Comercio, DOF 2018);
# decrees and consolidated texts print "onceavo", "doceavo" and the like for 11th, 12th …
_PARTITIVE_ORD = {
    "onceavo": 11, "doceavo": 12, "treceavo": 13, "catorceavo": 14, "quinceavo": 15,
    "dieciseisavo": 16, "diecisieteavo": 17, "dieciochoavo": 18, "diecinueveavo": 19,
    "veinteavo": 20,
}
_SPECIAL_ORD.update(_PARTITIVE_ORD)
_ORD_UNITS_OUT = ("", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo",
                  "octavo", "noveno")
_ORD_TENS_OUT = ("", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo",
                 "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo")

_CARDINAL_UNITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                   "nueve")
_CARDINAL_TEENS = ("diez", "once", "doce", "trece", "catorce", "quince", "dieciséis",
                   "diecisiete", "dieciocho", "diecinueve")
_CARDINAL_TWENTIES = ("veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
                      "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve")
_CARDINAL_TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
                  "ochenta", "noventa")
_CARDINAL: dict[str, int] = {
    **{fold_text(w): n for n, w in enumerate(_CARDINAL_UNITS)},
    **{fold_text(w): 10 + n for n, w in enumerate(_CARDINAL_TEENS)},
    **{fold_text(w): 20 + n for n, w in enumerate(_CARDINAL_TWENTIES)},
    **{w: 10 * n for n, w in enumerate(_CARDINAL_TENS) if w},
    "un": 1, "una": 1, "veintiun": 21, "veintiuna": 21, "cien": 100,
}


def _gendered(stem: str) -> str:
    return accent_tolerant(stem[:-1]) + "[oa]"


# Regex fragments for ordinal words ("Décima Segunda", "VIGESIMOCUARTO", "tercer", "Único") and
# cardinal words ("Trece", "veintidós") as written, accents optional; compile with re.IGNORECASE.
# The tens are read once, then what follows them: a unit ("Décimo Segundo", "VIGESIMOCUARTO",
# "décimo-primero"), nothing ("Vigésima"), or "octavo" sharing its o with them ("DECIMOCTAVO",
# LIC transitorio 18; the statute reader knew this form before the vocabulary did).
_ORD_TEN_STEMS = "(?:" + "|".join(accent_tolerant(w[:-1]) for w in _TENS_ORD) + ")"
_ORD_UNITS = ("(?:" + "|".join(accent_tolerant(w[:-1]) + ("[oa]?" if w[:-1] in _UNITS_ORD else "[oa]")
                               for w in _UNITS_ORD if w.endswith("o")) + ")")
ORDINAL = (rf"(?:{_ORD_TEN_STEMS}(?:{_gendered('octavo')}|[oa](?:[\s-]*{_ORD_UNITS})?)|"
           + "|".join(_gendered(w) for w in _SPECIAL_ORD if w != "unico")
           + rf"|{_ORD_UNITS}|{_gendered('unico')})")
CARDINAL = "(?:" + "|".join(accent_tolerant(fold_text(w)) for w in sorted(
    {*_CARDINAL_UNITS, *_CARDINAL_TEENS, *_CARDINAL_TWENTIES, *filter(None, _CARDINAL_TENS)},
    key=len, reverse=True)) + ")"


def _split_ordinal_words(folded: str) -> list[str]:
    """'vigesimocuarto', 'decimaprimera' and 'decimo segundo' all become word lists."""
    words: list[str] = []
    for word in folded.replace("-", " ").split():
        for tens in _TENS_ORD:
            head = word[:len(tens)]
            if head in (tens, tens[:-1] + "a") and _masculine(word[len(tens):]) in _UNITS_ORD:
                words.extend((head, word[len(tens):]))
                break
            if word[:len(tens) - 1] == tens[:-1] and _masculine(word[len(tens) - 1:]) == "octavo":
                words.extend((tens, "octavo"))  # "decimoctavo": the two o's written as one
                break
        else:
            words.append(word)
    return words


def _masculine(word: str) -> str:
    return "nono" if word == "nona" else re.sub(r"a$", "o", word)


def ordinal_to_int(words: str) -> int:
    """Value of a Spanish ordinal in words, either gender, accents and case ignored.

    >>> ordinal_to_int("Décima Segunda"), ordinal_to_int("VIGESIMOCUARTO"), ordinal_to_int("Único")
    (12, 24, 1)
    >>> ordinal_to_int("Primero"), ordinal_to_int("vigésima primera"), ordinal_to_int("Tercer")
    (1, 21, 3)
    """
    parts = [_masculine(p) for p in _split_ordinal_words(fold_text(words).strip().rstrip("."))]
    if not parts:
        raise ValueError(f"not an ordinal: {words!r}")
    if len(parts) == 1 and parts[0] in _SPECIAL_ORD:
        return _SPECIAL_ORD[parts[0]]
    total = 0
    for stem in parts:
        if stem in _TENS_ORD:
            total += _TENS_ORD[stem]
        elif stem in _UNITS_ORD:
            total += _UNITS_ORD[stem]
        else:
            raise ValueError(f"not an ordinal: {words!r}")
    return total


def int_to_ordinal(value: int, feminine: bool = False) -> str:
    """Spanish ordinal words for 1..99, as statutes write them.

    >>> int_to_ordinal(12, feminine=True), int_to_ordinal(24)
    ('décima segunda', 'vigésimo cuarto')
    """
    if not 0 < value < 100:
        raise ValueError(f"no ordinal words for {value}")
    tens, units = divmod(value, 10)
    words = [w for w in (_ORD_TENS_OUT[tens], _ORD_UNITS_OUT[units]) if w]
    if feminine:
        words = [w[:-1] + "a" for w in words]
    return " ".join(words)


def cardinal_to_int(words: str) -> int:
    """Value of a Spanish cardinal in words, 0..100: 'Trece', 'veintidós', 'treinta y uno'.

    >>> cardinal_to_int("Trece"), cardinal_to_int("VEINTIDÓS"), cardinal_to_int("treinta y uno")
    (13, 22, 31)
    """
    folded = " ".join(fold_text(words).strip().rstrip(".").split())
    if folded in _CARDINAL:
        return _CARDINAL[folded]
    tens, _, units = folded.partition(" y ")
    if tens in _CARDINAL_TENS[3:] and units in _CARDINAL and 0 < _CARDINAL[units] < 10:
        return _CARDINAL[tens] + _CARDINAL[units]
    raise ValueError(f"not a cardinal: {words!r}")


def int_to_cardinal(value: int) -> str:
    """Spanish cardinal words for 0..99.

    >>> int_to_cardinal(16), int_to_cardinal(31)
    ('dieciséis', 'treinta y uno')
    """
    if not 0 <= value < 100:
        raise ValueError(f"no cardinal words for {value}")
    if value < 10:
        return _CARDINAL_UNITS[value]
    if value < 20:
        return _CARDINAL_TEENS[value - 10]
    if value < 30:
        return _CARDINAL_TWENTIES[value - 20]
    tens, units = divmod(value, 10)
    return _CARDINAL_TENS[tens] + (f" y {_CARDINAL_UNITS[units]}" if units else "")


# --- Latin qualifiers -----------------------------------------------------------------------

# In their legal order (57, 57 Bis, 57 Ter, 57 Quáter …, 58). Variants real codes print share a
# rank: "quintus" (LFD 257 Quintus), "sextus", "septimus" (LFT 112 Séptimus), "novies".
LATIN_RANK: dict[str, int] = {
    "bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "quintus": 5, "sexies": 6, "sextus": 6,
    "septies": 7, "septimus": 7, "octies": 8, "octavus": 8, "nonies": 9, "novies": 9,
    "decies": 10, "undecies": 11, "duodecies": 12, "terdecies": 13, "tredecies": 13,
    "quaterdecies": 14, "quindecies": 15, "sexdecies": 16, "septendecies": 17,
    "octodecies": 18, "novodecies": 19, "vicies": 20,
}
# How people write the ones that carry an accent.
_LATIN_SHOWN = {"quater": "Quáter", "septimus": "Séptimus", "quaterdecies": "Quáterdecies"}
# A regex fragment for one Latin qualifier as written (accents optional; longest first, so
# "quaterdecies" is not read as "quater"); compile it with re.IGNORECASE where case varies.
LATIN = any_word(LATIN_RANK)
# The same words as printed after a hyphen ("20-Bis", "5-QUÁTER"): capitalised or upper case.
# Compile it as written: there a lower-case word is the text going on, not a qualifier.
LATIN_PRINTED = any_word([*map(str.capitalize, LATIN_RANK), *map(str.upper, LATIN_RANK)])


def latin_rank(word: str) -> int:
    """Rank of a Latin qualifier (bis 2, ter 3 …); ``ValueError`` if it is none.

    >>> latin_rank("Quáter"), latin_rank("Séptimus"), latin_rank("septies")
    (4, 7, 7)
    """
    folded = fold_text(word).strip(" .")
    if folded not in LATIN_RANK:
        raise ValueError(f"not a Latin qualifier: {word!r}")
    return LATIN_RANK[folded]


def latin_between(first: str, last: str) -> list[str]:
    """The Latin qualifiers after ``first`` up to ``last``, in the family ``last`` or ``first``
    is written in ('bis' … 'quater': ter, quater; 'bis' … 'sextus': ter, quater, quintus,
    sextus). Empty when ``last`` does not come after ``first``.

    >>> latin_between("bis", "quater"), latin_between("bis", "sextus")
    (['ter', 'quater'], ['ter', 'quater', 'quintus', 'sextus'])
    """
    us = any(word.endswith("us") for word in (first, last))
    by_rank: dict[int, str] = {}
    for word, rank in LATIN_RANK.items():
        if rank not in by_rank or (us and word.endswith("us")):
            by_rank[rank] = word
    ranks = range(LATIN_RANK[first] + 1, LATIN_RANK[last])
    return [by_rank[rank] for rank in ranks] + [last] if LATIN_RANK[last] > LATIN_RANK[first] else []


def show_latin(word: str) -> str:
    """A folded Latin qualifier as statutes print it: 'quater' -> 'Quáter', 'bis' -> 'Bis'."""
    return _LATIN_SHOWN.get(word, word.capitalize())


# --- ellipses and derogations ---------------------------------------------------------------

# One ellipsis standing for text that stays: "...", "…", ". . .", "..", "[...]", "[…]", "(…)",
# "……..". Possessive, so a line of 150 dots and a quote costs no quadratic retries.
ELLIPSIS = (r"(?:\[\s*(?:…+|\.(?:\s*\.)++)\s*\]|\(\s*(?:…+|\.(?:\s*\.)++)\s*\)|…(?:\s?[.…])*+"
            r"|\.(?:\s?\.)++(?:\s?…)*+)")
# Several ellipses in a row ("… …", "[...] [...]"): all a line says when it only elides.
ELLIPSIS_RUN = rf"{ELLIPSIS}(?:\s*{ELLIPSIS})*+"
# One ellipsis written without inner spaces ("…", "……", "...", "[...]", "[…]"): where one line
# holds several, each its own sibling, a spaced one (". . .") must stay one, not three
# (parser.lines.split_elision_runs).
UNSPACED_ELLIPSIS = r"(?:\[\s*(?:…+|\.{3,})\s*\]|\(\s*(?:…+|\.{3,})\s*\)|…+\.*|\.{3,}…*)"
_ELLIPSIS_LINE_RE = re.compile(rf"\s*{ELLIPSIS_RUN}\s*")

# The words of a derogation placeholder: "Se deroga", "Se Deroga", "SE DEROGAN", "Derogado",
# "Derogadas"; compile as written (case is part of the form) or with re.IGNORECASE.
DEROGATION = r"(?:[Ss][Ee]\s+(?:deroga|Deroga|DEROGA)(?:n|N)?|(?:[Dd]erogad|DEROGAD)(?:[oa]s?|[OA]S?))"
# A whole line (or text) that is only a derogation placeholder: "Se deroga.", "(Se deroga)",
# "IX. Se deroga." after its number is read, "Derogada;".
_DEROGATED_RE = re.compile(rf"\s*\(?\s*{DEROGATION}\s*\)?\s*[.;]?\s*\)?\s*[.;]?\s*")


def is_ellipsis(text: str) -> bool:
    """Whether ``text`` is only ellipses (text left as it was).

    >>> [is_ellipsis(t) for t in ("...", "…", ". . .", "..", "[...]", "……..", "[…] […]", "a...")]
    [True, True, True, True, True, True, True, False]
    """
    return _ELLIPSIS_LINE_RE.fullmatch(text) is not None


def is_derogation(text: str) -> bool:
    """Whether ``text`` is only a derogation placeholder.

    >>> [is_derogation(t) for t in ("Se deroga.", "Se Deroga.", "SE DEROGA", "(Derogado)",
    ...                             "Derogada;", "Se deroga el artículo 5.")]
    [True, True, True, True, True, False]
    """
    return _DEROGATED_RE.fullmatch(text) is not None
