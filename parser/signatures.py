"""Where an instrument's text ends and its signature begins: the place-and-date line ("México,
D.F., a 14 de julio de 1990.- …", "Dado en …"), the chambers' "SALÓN DE SESIONES", "Sufragio
Efectivo", the promulgation formula, "Atentamente", "Rúbrica". ``parser.lines`` classifies such a
line as a ``SIGNATURE`` and never joins it to the paragraph before.
"""

from __future__ import annotations

import re

SIGNATURE_RE = re.compile(
    r"(?:M[ée]xico,\s*D\.\s*F\.\s*,?\s*a\s|Ciudad de M[ée]xico,?\s+a\s|Dado en\s|SAL[ÓO]N DE SESIONES"
    r"|Sala de Sesiones|Sufragio Efectivo|En cumplimiento de lo dispuesto por la fracci[óo]n I del"
    r"\s+[Aa]rt[íi]culo 89|Atentamente|ATENTAMENTE|R[úu]bricas?\.?$)")
# The words every SIGNATURE_RE alternative starts with: a cheap test before the regex.
SIGNATURE_WORDS = ("Méx", "Mex", "Ciudad de M", "Dado en", "SAL", "Sala de", "Sufragio", "En cumplimiento",
                   "Atentamente", "ATENTAMENTE", "Rúbrica", "Rubrica")


__all__ = ["SIGNATURE_RE", "SIGNATURE_WORDS"]
