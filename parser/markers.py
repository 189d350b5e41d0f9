"""The patterns of the markers that open a statute's units and headings, as the DOF prints them.

"Artículo 5o.-", "XXIX-A.", "b)", "12.", "Apartado B.", "CAPÍTULO IV", "TRANSITORIOS": each
pattern captures the number as written (``num``) and the text after the marker (``rest``).
They are case-sensitive on purpose (see ``parser.lines``).
"""

from __future__ import annotations

import re

from .model import Kind
from .vocabulary import CARDINAL, LATIN, LATIN_PRINTED, ORDINAL

# Latin qualifiers, ordinal and cardinal words and ellipses are parser.vocabulary's fragments.

# Arabic number with ordinal mark and qualifiers ("2o.-A", "77 bis 35-J", "15-B Bis"), or words.
_ART_NUM = (
    rf"(?:\d+(?:o(?![a-záéíóúñ])|[º°ª])?"
    rf"(?:\s*\.?\s*[-–]\s*(?:[A-ZÑ](?![a-záéíóúñA-Z])|\d+|{LATIN_PRINTED}\b)"
    rf"|\.?\s*(?i:{LATIN})\b(?:\s+\d+\b)?"
    rf"|\s+[A-ZÑ](?=\s*(?:\.|-|:|$)))*"
    rf"|(?i:{ORDINAL})(?:\s+(?i:{LATIN})\b)?)"
)
# "Disposición 5.- Niveles de decisión …": the CFE's Disposiciones Generales number their units
# as a statute numbers artículos, under the heading word of their own; read as artículos (the
# clause grammar reads "las Disposiciones 5, fracción I, …" so too, parser.clause_tokens._AGENCY).
_ART_KW = r"(?:Art[ií]culo|ART[ÍI]CULO|Art\.|ART\.|Disposici[óo]n|DISPOSICI[ÓO]N)"
_SEP = r"(?:\s*\.\s*[-–—]\s*|\s*[-–—:]\s*|\s*\.\s*|\s+(?=[\[(…]|\.\.\.)|\s*$)"

_ARTICLE_RE = re.compile(rf"{_ART_KW}\s+(?P<num>{_ART_NUM}){_SEP}(?P<rest>.*)$", re.DOTALL)
_ORDINAL_ITEM_RE = re.compile(
    rf"(?P<num>(?=[A-ZÁÉÍÓÚ])(?i:{ORDINAL}))\s*(?:\.\s*[-–—]?|[-–—:])\s*(?P<rest>.*)$", re.DOTALL)
_FRAC_NUM = rf"[IVXL]+(?:\s*-\s*[A-ZÑ](?![a-záéíóúñ])|\s+(?i:{LATIN})\b)*"
_FRACCION_RE = re.compile(
    rf"(?P<num>{_FRAC_NUM})(?:\s*\.\s*[-–—]?|\s*[-–—)])(?:\s+|$)(?P<rest>.*)$", re.DOTALL)
# "e).- Difundir …" (CFF 33): the closing parenthesis may take a full stop and a dash too
_INCISO_RE = re.compile(rf"(?P<num>[a-zñ]{{1,2}}\)(?:\s+(?i:{LATIN})\b)?)\.?(?:-\s*|\s+|$)(?P<rest>.*)$",
                        re.DOTALL)
_NUMERAL_RE = re.compile(r"(?P<num>\d{1,3}|[l\d]{2,3})\s*(?:\.\s*[-–—]|\.|\))(?:\s+|$)(?P<rest>.*)$",
                         re.DOTALL)
_APARTADO_RE = re.compile(
    rf"(?:Apartado|APARTADO)\s+(?P<num>[A-Z](?:\s+(?i:{LATIN}))?)(?:\s*[.:)]\s*[-–]?\s*|\s*[-–]\s*|\s*$)"
    r"(?P<rest>.*)$|(?P<bare>[A-H])\.\s*[-–]?\s+(?P<bare_rest>[A-ZÁÉÍÓÚÑ].*)$", re.DOTALL)


# "TÍTULO ESPECIAL BIS", "TÍTULO PRELIMINAR" (Código de Comercio): containers named, not numbered.
_NAMED_CONTAINER = r"(?:ESPECIAL|Especial|PRELIMINAR|Preliminar)\b"
_CONTAINER_NUM = (rf"(?:(?i:{ORDINAL})\b|(?i:{CARDINAL})\b|[IVXLC]+\b|\d+\b|{_NAMED_CONTAINER})"
                  rf"(?:\s+(?i:{LATIN})\b)?")
_HEADING_RE = re.compile(
    rf"(?P<kw>LIBRO|Libro|T[ÍI]TULO|T[íi]tulo|CAP[ÍI]TULO|Cap[íi]tulo|SECCI[ÓO]N|Secci[óo]n)"
    rf"\s+(?P<num>{_CONTAINER_NUM})\s*(?:(?:[.:]\s*[-–]?|[-–])\s*(?P<rest>.*)|(?P<caps>[^a-z]*))$",
    re.DOTALL)
_HEADING_KIND = {"l": Kind.LIBRO, "t": Kind.TITULO, "c": Kind.CAPITULO, "s": Kind.SECCION}
_TRANSITORIOS_RE = re.compile(
    r"(?:ART[ÍI]CULOS?\s+|Art[íi]culos?\s+)?(?:TRANSITORIOS?|Transitorios?|T R A N S I T O R I O(?: S)?)"
    r"(?:\s+(?:DEL|DE LA|DE)\s+[^a-záéíóú]*)?\s*[.:]?$")
_APPENDIX_RE = re.compile(r"ART[ÍI]CULOS\s+TRANSITORIOS\s+DE\s+DECRETOS\s+DE\s+REFORMA")
_RANGE_WORD = r"(?:a|al|y|A|AL|Y)"
