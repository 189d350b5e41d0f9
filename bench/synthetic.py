"""A deterministic, realistic Mexican code for benchmarks: ``generate_code(3000)`` is about 3 MB.

The shape follows the federal codes (mx-amendment-grammar.md §6): libros, títulos with ordinal
words, capítulos with Roman numerals (some "BIS"), secciones in words, articles numbered 1o.-9o.
then 10, 11 ... with Bis/Ter/Quáter insertions and "-A" letters, fracciones (some "Bis"),
incisos and numerales, derogated units, Cámara history notes, and transitorios. Text is built
from legal vocabulary so line lengths and word shapes look like the real thing. The same
``seed`` always gives the same text, so amendment benchmarks can derive versions from it.

``camara=True`` writes it the way a Cámara PDF extraction reads: lines wrapped at 100 columns,
running headers and "N de M" page numbers every 60 lines, form feeds.
"""

from __future__ import annotations

import random
import textwrap

_SUBJECTS = ["La autoridad fiscal", "El contribuyente", "La Secretaría", "El órgano jurisdiccional",
             "Las personas morales", "El Ejecutivo Federal", "La persona titular", "El Instituto",
             "Las entidades federativas", "El Ministerio Público", "Los particulares",
             "La Comisión Nacional", "El Registro Público", "Las dependencias y entidades"]
_VERBS = ["deberá", "podrá", "estará obligada a", "tendrá la facultad de", "se abstendrá de",
          "procederá a", "estará facultado para", "no podrá"]
_ACTIONS = ["presentar la declaración correspondiente", "emitir la resolución que proceda",
            "notificar a los interesados", "integrar el expediente respectivo",
            "verificar el cumplimiento de las obligaciones", "requerir la información necesaria",
            "publicar el acuerdo en el Diario Oficial de la Federación",
            "imponer las sanciones que correspondan", "llevar la contabilidad",
            "expedir los comprobantes fiscales", "conservar la documentación comprobatoria",
            "substanciar el procedimiento administrativo"]
_CLAUSES = ["en los términos que establezca el reglamento de esta Ley",
            "dentro de los quince días hábiles siguientes a aquél en que surta efectos la notificación",
            "conforme a las disposiciones de carácter general que al efecto se expidan",
            "sin perjuicio de lo dispuesto en otras disposiciones legales aplicables",
            "de conformidad con lo previsto en el artículo anterior",
            "siempre que se cumplan los requisitos que señala este Capítulo",
            "salvo que la ley disponga expresamente otra cosa",
            "en el plazo y con las formalidades que determine la autoridad competente",
            "tratándose de actos u omisiones que afecten el interés público"]
_NOUNS = ["De las Disposiciones Generales", "De los Sujetos y sus Obligaciones", "Del Procedimiento",
          "De las Infracciones y Sanciones", "De los Recursos Administrativos", "De la Competencia",
          "De los Plazos y Términos", "De las Notificaciones", "Del Registro", "De la Prueba",
          "De las Facultades de Comprobación", "De la Ejecución"]
_ORDINALS = ["PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO",
             "NOVENO", "DÉCIMO", "DÉCIMO PRIMERO", "DÉCIMO SEGUNDO", "DÉCIMO TERCERO",
             "DÉCIMO CUARTO", "DÉCIMO QUINTO", "DÉCIMO SEXTO", "DÉCIMO SÉPTIMO", "DÉCIMO OCTAVO",
             "DÉCIMO NOVENO", "VIGÉSIMO"]
_SECCIONES = ["Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta"]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
          "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]
_LATIN = ["Bis", "Ter", "Quáter"]
_VERB_NOTES = ["reformado", "adicionado"]


def _sentence(rng: random.Random, end: str = ".") -> str:
    parts = [rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_ACTIONS), rng.choice(_CLAUSES)]
    if rng.random() < 0.3:
        parts.append(rng.choice(_CLAUSES))
    return " ".join(parts) + end


def _paragraph(rng: random.Random, end: str = ".") -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3))))
    return text[:-1] + end


def _note(rng: random.Random, unit: str, feminine: bool = False) -> str:
    verb = rng.choice(_VERB_NOTES)
    if feminine:
        verb = verb[:-1] + "a"
    dates = ", ".join(f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1980, 2024)}"
                      for _ in range(rng.randint(1, 3)))
    return f"{unit} {verb} DOF {dates}"


def _numbers(n_articles: int, rng: random.Random) -> list[str]:
    """Article numbers as written: 1o.-9o., then 10 ..., with Bis/Ter/Quáter and -A insertions."""
    out: list[str] = []
    base = 0
    while len(out) < n_articles:
        base += 1
        out.append(f"{base}o." if base < 10 else str(base))
        if rng.random() < 0.06:
            out.extend(f"{base} {q}." for q in _LATIN[:rng.randint(1, 3)])
        elif rng.random() < 0.02:
            out.append(f"{base}-A.")
    return out[:n_articles]


def _article(rng: random.Random, number: str) -> list[str]:
    marker = f"Artículo {number}" + ("-" if number.endswith(".") else ".-")
    if rng.random() < 0.02:
        return [f"{marker} Se deroga.", _note(rng, "Artículo", False).replace("reformado", "derogado")]
    blocks: list[str] = []
    has_list = rng.random() < 0.35
    blocks.append(f"{marker} {_paragraph(rng, ':' if has_list else '.')}")
    if rng.random() < 0.15:
        blocks.append(_note(rng, "Párrafo"))
    if has_list:
        for index in range(rng.randint(2, 9)):
            roman = _ROMAN[index]
            incisos = rng.random() < 0.15
            end = ":" if incisos else ";"
            blocks.append(f"{roman}. {_sentence(rng, end)}")
            if incisos:
                for letter in "abcdef"[:rng.randint(2, 6)]:
                    blocks.append(f"{letter}) {_sentence(rng, ';')}")
            if rng.random() < 0.1:
                blocks.append(_note(rng, "Fracción", True))
            if rng.random() < 0.03:
                blocks.append(f"{roman} Bis. {_sentence(rng, ';')}")
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        blocks.append(_paragraph(rng))
    if rng.random() < 0.2:
        blocks.append(_note(rng, "Artículo"))
    return blocks


def _plan(n_articles: int, rng: random.Random) -> list[tuple[str, int]]:
    """(heading block, number of articles under it) in order: libros > títulos > capítulos."""
    chapters = max(1, n_articles // 25)
    plan: list[tuple[str, int]] = []
    left = n_articles
    titulos_per_libro = 6
    capitulos_per_titulo = max(1, chapters // (3 * titulos_per_libro))
    chapter = 0
    for libro in range(3):
        plan.append((f"LIBRO {_ORDINALS[libro]}\n{rng.choice(_NOUNS)}", 0))
        for titulo in range(titulos_per_libro):
            plan.append((f"TÍTULO {_ORDINALS[titulo]}\n{rng.choice(_NOUNS)}", 0))
            for cap in range(capitulos_per_titulo):
                chapter += 1
                last = chapter >= chapters or (libro == 2 and titulo == titulos_per_libro - 1
                                               and cap == capitulos_per_titulo - 1)
                count = left if last else min(left, rng.randint(15, 35))
                roman = _ROMAN[cap % len(_ROMAN)] + (" BIS" if cap >= len(_ROMAN) else "")
                if count >= 30 and rng.random() < 0.5:
                    half = count // 2
                    plan.append((f"CAPÍTULO {roman}\n{rng.choice(_NOUNS)}", 0))
                    plan.append((f"Sección {_SECCIONES[0]}\n{rng.choice(_NOUNS)}", half))
                    plan.append((f"Sección {_SECCIONES[1]}\n{rng.choice(_NOUNS)}", count - half))
                else:
                    plan.append((f"CAPÍTULO {roman}\n{rng.choice(_NOUNS)}", count))
                left -= count
                if left <= 0:
                    return plan
    if left > 0:
        plan.append((f"CAPÍTULO {_ROMAN[0]} BIS\n{rng.choice(_NOUNS)}", left))
    return plan


def generate_code(n_articles: int = 3000, seed: int = 0, *, camara: bool = False) -> str:
    """A synthetic federal code of ``n_articles`` articles (~1 KB each), always the same for a seed."""
    rng = random.Random(seed)
    numbers = iter(_numbers(n_articles, rng))
    blocks = ["CÓDIGO FEDERAL DE PRUEBA", "TEXTO VIGENTE"]
    for heading, count in _plan(n_articles, rng):
        blocks.append(heading)
        for _ in range(count):
            blocks.extend(_article(rng, next(numbers)))
    blocks.append("TRANSITORIOS")
    for ordinal in _ORDINALS[:10]:
        blocks.append(f"{ordinal}. {_paragraph(rng)}")
    blocks.append("Ciudad de México, a 20 de marzo de 2024.- Dip. Ana Ruiz Pérez, Presidenta.- "
                  "Rúbrica.")
    if camara:
        return _as_camara(blocks)
    return "\n\n".join(blocks) + "\n"


def _as_camara(blocks: list[str]) -> str:
    """Wrap at 100 columns and add a running header every 60 lines, as pypdf extracts them."""
    lines: list[str] = []
    for block in blocks:
        for line in block.split("\n"):
            lines.extend(textwrap.wrap(line, 100) if len(line) > 100 else [line])
        lines.append("")
    pages = [lines[i:i + 60] for i in range(0, len(lines), 60)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        out += ["CÓDIGO FEDERAL DE PRUEBA ", " ", "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN ",
                "Secretaría General ", "Secretaría de Servicios Parlamentarios ",
                "Última Reforma DOF 20-03-2024 ", " ", f"{number} de {len(pages)} "]
        out += [line + " " for line in page]
        out[-1] += "\f"
    return "\n".join(out) + "\n"


__all__ = ["generate_code"]
