"""Where an instrument's text ends and its signature begins: the place-and-date line ("México,
D.F., a 14 de julio de 1990.- …", "Dado en …", an agency's "En la Ciudad de México, al día
veintidós de enero de dos mil veinticuatro.- El Prosecretario …"), the chambers' "SALÓN DE
SESIONES", "Sufragio Efectivo", the promulgation formula, "Atentamente", "Rúbrica".
``parser.lines`` classifies such a line as a ``SIGNATURE`` and never joins it to the paragraph
before.
"""

from __future__ import annotations

import re

# The place and date an agency signs at ("En la Ciudad de México, al día veintidós de enero de …",
# "Expedido en la Ciudad de México, a los dos días del mes de abril …", "Ciudad de México, lunes
# 11 de marzo de 2024"): the place, then a day (in digits or words) of a month.
_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
          r"|noviembre|diciembre)")
_WEEKDAY = r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
_SIGNED_AT = (
    r"(?:(?:En|Dad[oa]\s+en|Expedid[oa]\s+en|Emitid[oa]\s+en)\s+la\s+)?Ciudad\s+de\s+M[ée]xico"
    rf"\s*[,;]?\s*(?:a\s+los\s+|a\s+|el\s+(?:d[ií]a\s+)?|al\s+d[ií]a\s+|{_WEEKDAY}\s+)?"
    rf"(?:\d{{1,2}}|[a-záéíóú]+(?:\s+y\s+[a-záéíóú]+)?)\s+(?:de\s+{_MONTH}\b|(?:d[ií]as\s+)?del\s+mes\b)")
SIGNATURE_RE = re.compile(
    rf"(?:{_SIGNED_AT}|"
    r"M[ée]xico,\s*D\.\s*F\.\s*,?\s*a\s|Ciudad de M[ée]xico,?\s+a\s|Dado en\s|SAL[ÓO]N DE SESIONES"
    r"|Sala de Sesiones|Sufragio Efectivo|En cumplimiento de lo dispuesto por la fracci[óo]n I del"
    r"\s+[Aa]rt[íi]culo 89|Atentamente|ATENTAMENTE|R[úu]bricas?\.?$)")
# The words every SIGNATURE_RE alternative starts with: a cheap test before the regex.
SIGNATURE_WORDS = ("Méx", "Mex", "Ciudad de M", "Dado en", "Dada en", "En la Ciudad", "Expedid", "Emitid",
                   "SAL", "Sala de", "Sufragio", "En cumplimiento",
                   "Atentamente", "ATENTAMENTE", "Rúbrica", "Rubrica")


__all__ = ["SIGNATURE_RE", "SIGNATURE_WORDS"]
