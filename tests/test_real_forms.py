"""One hard real form per row: short fixtures of our own, faithful to the layout of the real codes.

Each row copies the shape of a few lines of a Cámara consolidation (consolidated-tezca/*.txt: one
line per PDF line, the page furniture "N de M" / running title / "CÁMARA … Última Reforma DOF …" /
"Secretaría General" / "Secretaría de Servicios Parlamentarios" between pages, history notes on their
own line; consolidated/*.txt: pdftotext, a form feed then the header), with the wording cut short.
The ``source`` column says where the form was seen. ``labels`` are the labels read, párrafos left
out, also as parts of other labels (how lines group into párrafos, and whether a list hangs from the
párrafo that introduces it, is not what these rows are about); ``derogated`` the units whose
status is derogado; ``headings`` and ``texts`` exact values for a few units (white space folded).

Rows today's parser reads differently are strict xfails (XFAIL below, with what it does instead);
delete an entry when it passes.
"""

# ruff: noqa: E501  (fixture lines keep the source's width, ~100 characters: how wide a line is tells
# a reader whether it wraps, so shortening them would change what is tested)
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from parser import Kind, Status, parse_statute


def _page(number: int, title: str = "CÓDIGO FISCAL DE LA FEDERACIÓN", of: int = 376,
          reform: str = "14-11-2025") -> str:
    """The furniture block the tezca extractor puts at every page break."""
    return (f"{number} de {of}\n{title}\nCÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Última Reforma "
            f"DOF {reform}\nSecretaría General\nSecretaría de Servicios Parlamentarios\n")


def _head(title: str = "CÓDIGO FISCAL DE LA FEDERACIÓN", reform: str = "14-11-2025") -> str:
    """The first page's header, as in the tezca texts (lines 1-9 of cff.txt)."""
    return (f"{title}\nCÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Última Reforma DOF {reform}\n"
            f"Secretaría General\nSecretaría de Servicios Parlamentarios\n{title}\n"
            "Nuevo Código publicado en el Diario Oficial de la Federación el 31 de diciembre de 1981\n"
            f"TEXTO VIGENTE\nÚltima reforma publicada DOF {reform}\n")


@dataclass(frozen=True, slots=True)
class Form:
    id: str
    source: str
    text: str
    labels: tuple[str, ...]
    derogated: tuple[str, ...] = ()
    headings: tuple[tuple[str, str], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()


_LFT = "LEY FEDERAL DEL TRABAJO"
_LIC = "LEY DE INSTITUCIONES DE CRÉDITO"
_CCOM = "CÓDIGO DE COMERCIO"
_CNPP = "CÓDIGO NACIONAL DE PROCEDIMIENTOS PENALES"

def _lines(*lines: str) -> str:
    return "\n".join(lines) + "\n"


_CFF_P22 = _page(22)

FORMS: tuple[Form, ...] = (
    # --- article numbers -------------------------------------------------------------------------
    Form("hyphen-bis", "cff.txt:1418 'Artículo 20-Bis.' after art. 20",
         _head() + _lines(
             "Artículo 20.- Las contribuciones y sus accesorios se causarán y pagarán en moneda nacional.",
             "Artículo 20-Bis. El Índice Nacional de Precios al Consumidor a que se refiere el segundo párrafo del",
             "artículo 20 de este Código, que calcula el Instituto Nacional de Estadística y Geografía, se sujeta a lo",
             "siguiente:",
             "I. Se cotizarán cuando menos los precios en 30 ciudades, las cuales estarán ubicadas en por lo",
             "menos 20 entidades federativas."),
         ("art_20", "art_20-bis", "art_20-bis__frac_i")),
    Form("letter-latin", "cff.txt:1000 'Artículo 17-H Bis.'; 3353 'Artículo 32-B Ter.'",
         _head() + _lines(
             "Artículo 17-H Bis. Tratándose de certificados de sello digital para la expedición de comprobantes",
             "fiscales digitales por Internet, las autoridades fiscales podrán restringir temporalmente su uso.",
             "Artículo 32-B Ter. Las personas morales, las fiduciarias, los fideicomitentes o fideicomisarios, en el",
             "caso de fideicomisos, deberán obtener y conservar la información de sus beneficiarios controladores."),
         ("art_17-h-bis", "art_32-b-ter")),
    Form("letter-before-latin", "cff.txt:6616,6665 '70-A.-' then '70 Bis.- (Derogado).'",
         _head() + _lines(
             "Artículo 70-A.- Cuando con motivo del ejercicio de facultades de comprobación, las autoridades",
             "fiscales hubieren determinado la omisión total o parcial del pago de contribuciones, el infractor",
             "podrá solicitar los beneficios que este artículo otorga.",
             "Artículo 70 Bis.- (Derogado).",
             "Artículo 71.- Son responsables en la comisión de las infracciones previstas en este Código las",
             "personas que realicen los supuestos que en este Capítulo se consideran como tales."),
         ("art_70-a", "art_70-bis", "art_71"), derogated=("art_70-bis",)),
    Form("ordinal-then-bis", "lft.txt:61-67 'Artículo 3o. Bis.-' with incisos a) b)",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 3o. Bis.- Para efectos de esta Ley se entiende por:",
             "a) Hostigamiento, el ejercicio del poder en una relación de subordinación real de la víctima frente",
             "al agresor en el ámbito laboral, que se expresa en conductas verbales, físicas o ambas; y",
             "b) Acoso sexual, una forma de violencia en la que, si bien no existe la subordinación, hay un",
             "ejercicio abusivo del poder que conlleva a un estado de indefensión y de riesgo para la víctima,",
             "independientemente de que se realice en uno o varios eventos.",
             "Artículo adicionado DOF 30-11-2012"),
         ("art_3-bis", "art_3-bis__inc_a", "art_3-bis__inc_b")),
    Form("enye-next-to-n", "lft.txt:4651-4666 '353-N', '353-Ñ', page 106, its note, '353-O'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 353-N.- No es violatorio del principio de igualdad de salarios la fijación de salarios distintos",
             "para trabajo igual si éste corresponde a diferentes categorías académicas.",
             "Artículo adicionado DOF 20-10-1980",
             "Artículo 353-Ñ.- Los sindicatos y las directivas de los mismos que se constituyan en las universidades",
             "o instituciones a las que se refiere este Capítulo, únicamente estarán formados por los trabajadores que",
             "presten sus servicios en cada una de ellas y serán:",
             "I. De personal académico;",
             "II. De personal administrativo, o",
             "III. De institución si comprende a ambos tipos de trabajadores.")
         + _page(106, _LFT, 450, "21-02-2025") + _lines(
             "Artículo adicionado DOF 20-10-1980",
             "Artículo 353-O.- Los sindicatos a que se refiere el artículo anterior deberán registrarse ante la",
             "Autoridad Registral que establece esta Ley."),
         ("art_353-n", "art_353-nn", "art_353-nn__frac_i", "art_353-nn__frac_ii", "art_353-nn__frac_iii",
          "art_353-o")),
    Form("ordinal-bis-number", "lic.txt:141 'Artículo 5o. Bis 5.-'",
         _head(_LIC) + _lines(
             "Artículo 5o. Bis 5.- Para efectos de la presente Ley, los plazos fijados en días se entenderán en días",
             "naturales, salvo que expresamente se señale que se trata de días hábiles."),
         ("art_5-bis-5",)),
    Form("bare-letter", "lic.txt:4792 'Artículo 99 A.-'; 6706 'Artículo 118 A. Se deroga' then '118-B.-'",
         _head(_LIC) + _lines(
             "Artículo 99 A.- Las instituciones de crédito constituirán el fondo de reserva de capital separando",
             "anualmente por lo menos un diez por ciento de sus utilidades netas, hasta que dicho fondo alcance una",
             "suma igual al importe del capital pagado.",
             "Artículo 118 A. Se deroga",
             "Artículo adicionado DOF 17-11-1995. Derogado DOF 25-06-2009",
             "Artículo 118-B.- (Se deroga)."),
         ("art_99-a", "art_118-a", "art_118-b"), derogated=("art_118-a", "art_118-b")),
    Form("septimus", "lic.txt:6194-6209 '112 Quintus.-', '112 Sextus.-', '112 Séptimus.-'",
         _head(_LIC) + _lines(
             "Artículo 112 Quintus.- La pena que corresponda podrá aumentarse hasta en una mitad más.",
             "Artículo adicionado DOF 26-06-2008",
             "Artículo 112 Sextus.- Se sancionará con prisión de tres a nueve años y multa de treinta mil a",
             "trescientas mil Unidades de Medida y Actualización.",
             "Artículo adicionado DOF 09-03-2018",
             "Artículo 112 Séptimus.- Se sancionará con prisión de tres a nueve años y multa de treinta mil a",
             "trescientas mil Unidades de Medida y Actualización."),
         ("art_112-quintus", "art_112-sextus", "art_112-septimus")),
    Form("lowercase-bis-number", "lic.txt:6264,6270 '113 Bis 1.-' then '113 bis 2.-'",
         _head(_LIC) + _lines(
             "Artículo 113 Bis 1.- Los consejeros, funcionarios, comisarios o empleados de una institución de",
             "crédito que inciten a la comisión de los delitos serán sancionados hasta en una mitad más.",
             "Artículo adicionado DOF 17-05-1999. Reformado DOF 10-01-2014",
             "Artículo 113 bis 2.- Serán sancionados los servidores públicos de la Comisión Nacional Bancaria y de",
             "Valores, con la pena establecida para los delitos correspondientes más una mitad."),
         ("art_113-bis-1", "art_113-bis-2")),
    Form("latin-number-ccom", "ccom.txt:7476,8091,8095 '1390 Bis 1.', '1390 Ter.-', '1390 Ter 1.-'",
         _head(_CCOM) + _lines(
             "Artículo 1390 Bis 1. No se sustanciarán en este juicio aquellos de tramitación especial establecidos",
             "en el presente Código y en otras leyes, ni los de cuantía indeterminada.",
             "Artículo 1390 Ter.- El procedimiento ejecutivo a que se refiere este Título tiene lugar cuando la",
             "demanda se funda en uno de los documentos que traigan aparejada ejecución previstos en el artículo",
             "1391.",
             "Artículo adicionado DOF 25-01-2017",
             "Artículo 1390 Ter 1.- La vía indicada en el artículo que antecede procede siempre y cuando el valor",
             "de la suerte principal sea igual o superior a la cantidad que establece el artículo 1339."),
         ("art_1390-bis-1", "art_1390-ter", "art_1390-ter-1")),
    Form("ordinal-dash-letter-latin", "LIVA:140 'Artículo 1o.-A BIS.-' (pdftotext: trailing spaces)",
         "LEY DEL IMPUESTO AL VALOR AGREGADO \n \n"
         "Artículo 1o.-A.- Están obligados a efectuar la retención del impuesto que se les traslade, los \n"
         "contribuyentes que se ubiquen en alguno de los siguientes supuestos. \n"
         "Artículo 1o.-A BIS.- Los contribuyentes residentes en México que proporcionen los servicios \n"
         "digitales de intermediación estarán obligados a cumplir con las obligaciones de esta Ley. \n",
         ("art_1-a", "art_1-a-bis")),
    # --- derogated placeholders --------------------------------------------------------------------
    Form("se-deroga-forms", "ccom.txt:72 'Artículo 10.- (Se deroga).'; 9245 'Artículo 1460.- Se Deroga.'",
         _head(_CCOM) + _lines(
             "Artículo 10.- (Se deroga).",
             "Artículo derogado DOF 06-01-1954",
             "Artículo 11.- Toda persona que accidentalmente haga alguna operación de comercio, queda sujeta a",
             "las leyes mercantiles.",
             "Artículo 12.- Se Deroga.",
             "Artículo derogado DOF 20-04-1943. Adicionado DOF 22-07-1993. Derogado DOF 27-01-2011"),
         ("art_10", "art_11", "art_12"), derogated=("art_10", "art_12")),
    Form("wrapped-derogation-note", "lft.txt:16223-16226: the note of 878 wraps onto 'Derogado DOF …'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 878.- Se deroga.",
             "Artículo reformado DOF 24-12-1974, 28-04-1978, 04-01-1980. Fe de erratas DOF 30-01-1980. "
             "Reformado DOF 30-11-2012.",
             "Derogado DOF 01-05-2019",
             "Artículo 879.- Se deroga.",
             "Artículo reformado DOF 28-04-1978, 04-01-1980, 30-11-2012. Derogado DOF 01-05-2019"),
         ("art_878", "art_879"), derogated=("art_878", "art_879"), texts=(("art_878", "Se deroga."),)),
    Form("fraccion-derogated", "cff.txt:262-266 'I. (Se deroga).' after the article's paragraph",
         _head() + _lines(
             "Artículo 11.- Cuando las leyes fiscales establezcan que las contribuciones se calcularán por ejercicios",
             "fiscales, éstos coincidirán con el año de calendario.",
             "I. (Se deroga).",
             "II. Cuando las personas morales entren en liquidación, el ejercicio fiscal será irregular."),
         ("art_11", "art_11__frac_i", "art_11__frac_ii"), derogated=("art_11__frac_i",)),
    # --- epigraphs (cnpp) --------------------------------------------------------------------------
    Form("epigraph-line", "cnpp.txt:23-30 'Artículo 1o. Ámbito de aplicación', text on the next line",
         _head(_CNPP, "28-11-2025") + _lines(
             "Artículo 1o. Ámbito de aplicación",
             "Las disposiciones de este Código son de orden público y de observancia general en toda la República",
             "Mexicana.",
             "Artículo 2o. Objeto del Código",
             "Este Código tiene por objeto establecer las normas que han de observarse en la investigación."),
         ("art_1", "art_2"), headings=(("art_1", "Ámbito de aplicación"), ("art_2", "Objeto del Código")),
         texts=(("art_1__par_1", "Las disposiciones de este Código son de orden público y de observancia "
                 "general en toda la República Mexicana."),)),
    Form("epigraph-incisos-after-page", "cnpp.txt:2894-2910 art. 211: fracción I, page 66, a) b)",
         _head(_CNPP, "28-11-2025") + _lines(
             "Artículo 211. Etapas del procedimiento penal",
             "El procedimiento penal comprende las siguientes etapas:",
             "I. La de investigación, que comprende las siguientes fases:")
         + _page(66, _CNPP, 168, "28-11-2025") + _lines(
             "a) Investigación inicial, que comienza con la presentación de la denuncia, querella u otro",
             "requisito equivalente y concluye cuando el imputado queda a disposición del Juez de",
             "control para que se le formule imputación, e",
             "b) Investigación complementaria, que comprende desde la formulación de la imputación y se",
             "agota una vez que se haya cerrado la investigación;",
             "II. La intermedia o de preparación del juicio, que comprende desde la formulación de la acusación",
             "hasta el auto de apertura del juicio, y",
             "III. La de juicio, que comprende desde que se recibe el auto de apertura a juicio hasta la sentencia",
             "emitida por el Tribunal de enjuiciamiento."),
         ("art_211", "art_211__frac_i", "art_211__frac_i__inc_a", "art_211__frac_i__inc_b",
          "art_211__frac_ii", "art_211__frac_iii"),
         headings=(("art_211", "Etapas del procedimiento penal"),)),
    Form("epigraph-with-full-stop-and-note", "cnpp.txt:3207-3210 art. 235: an epigraph ending '… e hidrocarburos.' "
         "and 'Encabezado del artículo reformado DOF …' under it (the note says it is the epigraph)",
         _head(_CNPP, "28-11-2025") + _lines(
             "Artículo 235. Aseguramiento de narcóticos y productos relacionados con delitos de propiedad",
             "intelectual, derechos de autor e hidrocarburos.",
             "Encabezado del artículo reformado DOF 12-01-2016",
             "Cuando se aseguren narcóticos previstos en cualquier disposición, productos relacionados con delitos",
             "de propiedad intelectual y derechos de autor o bienes que impliquen un alto costo o peligrosidad por su",
             "conservación, si esta medida es procedente, el Ministerio Público ordenará su destrucción, previa",
             "autorización o intervención de las autoridades correspondientes, debiendo previamente fotografiarlos o",
             "videograbarlos.",
             "Artículo 236. Los objetos de gran tamaño se resguardan.",  # ours: a párrafo's note is no epigraph's
             "Párrafo reformado DOF 14-11-2025"),
         ("art_235", "art_236"),
         headings=(("art_235", "Aseguramiento de narcóticos y productos relacionados con delitos de propiedad "
                    "intelectual, derechos de autor e hidrocarburos."),),
         texts=(("art_235__par_1", "Cuando se aseguren narcóticos previstos en cualquier disposición, productos "
                 "relacionados con delitos de propiedad intelectual y derechos de autor o bienes que impliquen un "
                 "alto costo o peligrosidad por su conservación, si esta medida es procedente, el Ministerio "
                 "Público ordenará su destrucción, previa autorización o intervención de las autoridades "
                 "correspondientes, debiendo previamente fotografiarlos o videograbarlos."),
                ("art_236__par_1", "Los objetos de gran tamaño se resguardan."))),
    Form("uppercase-transitorio-epigraph", "cnpp.txt:6156-6163 'ARTÍCULO PRIMERO. Declaratoria'",
         _head(_CNPP, "28-11-2025") + _lines(
             "Artículo 490. Indemnización",
             "En caso de que se dicte sentencia absolutoria, se podrá acordar una indemnización.",
             "TRANSITORIOS",
             "ARTÍCULO PRIMERO. Declaratoria",
             "Para los efectos señalados en el párrafo tercero del artículo segundo transitorio del Decreto, se",
             "declara que la presente legislación recoge el sistema procesal penal acusatorio.",
             "ARTÍCULO SEGUNDO. Vigencia",
             "Este Código entrará en vigor a nivel federal gradualmente en los términos previstos en la Declaratoria."),
         ("art_490", "tra_1", "tra_2"), headings=(("tra_1", "Declaratoria"), ("tra_2", "Vigencia"))),
    # --- fracciones, incisos, subitems --------------------------------------------------------------
    Form("fraccion-bis-across-page", "lft.txt:1494-1508 'XVI.' across page 34, 'XVI Bis.', 'XVII.'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 132.- Son obligaciones de las personas empleadoras:",
             "XVI. Instalar y operar las fábricas, talleres, oficinas, locales y demás lugares en que deban",
             "ejecutarse las labores, de acuerdo con las disposiciones establecidas en el reglamento y las",
             "normas oficiales mexicanas en materia de seguridad, salud y medio ambiente de trabajo, a")
         + _page(34, _LFT, 450, "21-02-2025") + _lines(
             "efecto de prevenir accidentes y enfermedades laborales.",
             "Fracción reformada DOF 28-04-1978, 30-11-2012",
             "XVI Bis. Contar, en los centros de trabajo que tengan más de 50 trabajadores, con instalaciones",
             "adecuadas para el acceso y desarrollo de actividades de las personas con discapacidad;",
             "Fracción adicionada DOF 30-11-2012",
             "XVII. Cumplir el reglamento y las normas oficiales mexicanas en materia de seguridad."),
         ("art_132", "art_132__frac_xvi", "art_132__frac_xvi-bis", "art_132__frac_xvii"),
         texts=(("art_132__frac_xvi", "Instalar y operar las fábricas, talleres, oficinas, locales y demás "
                 "lugares en que deban ejecutarse las labores, de acuerdo con las disposiciones establecidas "
                 "en el reglamento y las normas oficiales mexicanas en materia de seguridad, salud y medio "
                 "ambiente de trabajo, a efecto de prevenir accidentes y enfermedades laborales."),)),
    Form("subitems-under-incisos", "lic.txt:1130-1150 art. 28 VI: a) i) ii) b) i) ii)",
         _head(_LIC) + _lines(
             "Artículo 28.- La Comisión Nacional Bancaria y de Valores podrá declarar la revocación de la",
             "autorización en los casos siguientes:",
             "VI. Si la institución de banca múltiple de que se trate se ubica en cualquiera de los supuestos de",
             "incumplimiento que se mencionan a continuación:",
             "a) Si, por un monto en moneda nacional superior al equivalente a veinte millones de unidades",
             "de inversión:",
             "i) No paga créditos o préstamos que le haya otorgado otra institución de crédito, una",
             "entidad financiera del exterior o el Banco de México, o",
             "ii) No liquida el principal o intereses de valores que haya emitido y que se encuentren",
             "depositados en una institución para el depósito de valores.",
             "b) Cuando, en un plazo de dos días hábiles o más y por un monto en moneda nacional superior",
             "al equivalente a dos millones de unidades de inversión:",
             "i) No liquide a uno o más participantes los saldos que resulten a su cargo de cualquier",
             "proceso de compensación, o",
             "ii) No pague en las ventanillas de dos o más de sus sucursales los retiros de depósitos",
             "bancarios de dinero que efectúen cien o más de sus clientes.",
             "VII. Si la institución no cumple con las medidas correctivas."),
         ("art_28", "art_28__frac_vi", "art_28__frac_vi__inc_a", "art_28__frac_vi__inc_a__num_i",
          "art_28__frac_vi__inc_a__num_ii", "art_28__frac_vi__inc_b", "art_28__frac_vi__inc_b__num_i",
          "art_28__frac_vi__inc_b__num_ii", "art_28__frac_vii")),
    Form("subitems-after-fraccion-paragraph", "lic.txt:2832-2846 art. 46 Bis 1 VI: b), two párrafos of the "
         "fracción, then i) ii) iii)",
         _head(_LIC) + _lines(
             "Artículo 46 Bis 1.- Las instituciones de crédito podrán pactar con terceros la prestación de servicios:",
             "VI. Los límites aplicables a las operaciones que podrán llevarse a cabo a través de terceros por",
             "cuenta de la propia institución, lo siguiente:",
             "a) Individuales, por tipo de operación y cliente, los cuales no excederán por comisionista de un",
             "monto diario equivalente en moneda nacional a 1,500 Unidades de Inversión, y",
             "b) Agregados, que no excederán por comisionista de un monto mensual equivalente al",
             "cincuenta por ciento del importe total de las operaciones realizadas en el período por la",
             "institución de que se trate.",
             "La celebración de las operaciones que podrán llevarse a cabo a través de terceros por cuenta de",
             "la propia institución a que se refieren las fracciones I y II del artículo 46 de esta Ley serán sujetas",
             "de la autorización a que se refiere la fracción IV de este artículo.",
             "Los límites a que se refiere la presente fracción no serán aplicables cuando:",
             "i) El tercero sea una entidad de la Administración Pública Federal, Estatal o Municipal;",
             "ii) Se trate de operaciones relacionadas con la fracción XXVI Bis del artículo 46 de esta Ley;",
             "iii) Los terceros con los que se contrate sean instituciones de crédito, casas de bolsa o",
             "entidades de ahorro y crédito popular.",
             "Fracción reformada DOF 25-06-2009",
             "VII. Las políticas y procedimientos con que deberán contar las instituciones de crédito."),
         ("art_46-bis-1", "art_46-bis-1__frac_vi", "art_46-bis-1__frac_vi__inc_a", "art_46-bis-1__frac_vi__inc_b",
          "art_46-bis-1__frac_vi__num_i", "art_46-bis-1__frac_vi__num_ii", "art_46-bis-1__frac_vi__num_iii",
          "art_46-bis-1__frac_vii")),
    Form("apartados-inside-fraccion", "cff.txt:2469-2524 art. 28: 'I. … la contabilidad se integra por:' / 'A. …' / "
         "'B. …' with párrafos of its own / 'II. …' (abridged)",
         _head() + _lines(
             "Artículo 28. Las personas que de acuerdo con las disposiciones fiscales estén obligadas a llevar",
             "contabilidad, estarán a lo siguiente:",
             "I. Para efectos fiscales, la contabilidad se integra por:",
             "A. Los libros, sistemas y registros contables, papeles de trabajo, estados de cuenta,",
             "cuentas especiales, libros y registros sociales, control de inventarios y método de",
             "valuación, y los elementos adicionales que integran la contabilidad.")
         + _page(53) + _lines(
             "B. Tratándose de personas que fabriquen, produzcan, procesen, transporten, almacenen,",
             "incluyendo almacenamiento para usos propios, distribuyan o enajenen cualquier tipo de",
             "hidrocarburo o petrolífero, además de lo señalado en el apartado anterior, deberán contar",
             "con los equipos y programas informáticos para llevar controles volumétricos.",
             "Los contribuyentes a que se refiere este apartado están obligados a asegurarse de",
             "que los equipos y programas informáticos para llevar controles volumétricos operen",
             "correctamente en todo momento.",
             "Apartado reformado DOF 12-11-2021",
             "II. Los registros o asientos contables a que se refiere la fracción anterior deberán cumplir con los",
             "requisitos que establezca el Reglamento de este Código y las disposiciones de carácter",
             "general que emita el Servicio de Administración Tributaria."),
         ("art_28", "art_28__frac_i", "art_28__frac_i__apt_a", "art_28__frac_i__apt_b", "art_28__frac_ii"),
         texts=(("art_28__frac_i__apt_b__par_2", "Los contribuyentes a que se refiere este apartado están "
                 "obligados a asegurarse de que los equipos y programas informáticos para llevar controles "
                 "volumétricos operen correctamente en todo momento."),)),
    Form("marker-after-y-comma", "lft.txt:11961-11966 art. 529: 'VI. …; y,' then 'VII.'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 529.- En los casos no previstos por los artículos 527 y 528, las autoridades de las Entidades",
             "Federativas deberán auxiliar a las autoridades federales, y deberán:",
             "V. Coadyuvar con los correspondientes Comités Nacionales de Productividad y Capacitación;",
             "Fracción reformada DOF 30-11-2012",
             "VI. Auxiliar en la realización de los trámites relativos a constancias de habilidades laborales; y,",
             "VII. Previa determinación general o solicitud específica de las autoridades federales, adoptar",
             "aquellas otras medidas que resulten necesarias para auxiliarlas en los aspectos concernientes",
             "a tal determinación o solicitud."),
         ("art_529", "art_529__frac_v", "art_529__frac_vi", "art_529__frac_vii")),
    Form("inciso-after-o-bien-que", "ccom.txt:9434-9447 art. 1480: 'a) … incisos a),' / 'b), c) o d) de la "
         "fracción I' (a reference) and II 'a) … o bien que' / 'b)' (an inciso)",
         _head(_CCOM) + _lines(
             "Artículo 1480.- Sólo se podrá denegar el reconocimiento o la ejecución de una medida cautelar:",
             "I. Si, al actuar a instancia de la parte afectada por la medida, al juez le consta que:",
             "a) Dicha denegación está justificada por alguno de los motivos enunciados en los incisos a),",
             "b), c) o d) de la fracción I del artículo 1462, o",
             "b) No se ha cumplido la decisión del Tribunal Arbitral sobre la prestación de la garantía que",
             "corresponda a la medida cautelar otorgada por el Tribunal Arbitral, o",
             "II. Si el Juez resuelve que:",
             "a) La medida cautelar es incompatible con las facultades que se le confieren, a menos que",
             "el mismo juez decida reformular la medida para ajustarla a sus propias facultades y",
             "procedimientos a efectos de poderla ejecutar sin modificar su contenido, o bien que",
             "b) Alguno de los motivos de denegación enunciados en la fracción II del artículo 1462 es",
             "aplicable al reconocimiento o a la ejecución de la medida cautelar."),
         ("art_1480", "art_1480__frac_i", "art_1480__frac_i__inc_a", "art_1480__frac_i__inc_b",
          "art_1480__frac_ii", "art_1480__frac_ii__inc_a", "art_1480__frac_ii__inc_b")),
    Form("inciso-i-after-h", "ccom.txt:1296-1308 art. 104 incisos to 'h)'; an 'i)' after 'h)' is inciso i",
         _head(_CCOM) + _lines(
             "Artículo 104.- Los Prestadores de Servicios de Certificación deben informar:",
             "g) Los métodos utilizados para comprobar la identidad del Firmante, y",
             "h) Si se ofrece un servicio de terminación de vigencia del Certificado;",
             "i) Los límites impuestos a la responsabilidad del Prestador de Servicios de Certificación."),
         ("art_104", "art_104__inc_g", "art_104__inc_h", "art_104__inc_i")),
    Form("fraccion-lowercase-l", "lft.txt:12114-12123 art. 539: 'h)', 'i)', then 'lV.' typed with a lowercase L",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 539.- De conformidad con lo que dispone el artículo que antecede y para los efectos del 537,",
             "a la Secretaría del Trabajo y Previsión Social corresponden las siguientes actividades:",
             "III. En materia de capacitación o adiestramiento de trabajadores:",
             "h) Establecer coordinación con la Secretaría de Educación Pública para sugerir, promover y",
             "organizar planes o programas sobre capacitación y adiestramiento para el trabajo y, en",
             "su caso, para la expedición de certificados, conforme a lo dispuesto en esta Ley, en los",
             "ordenamientos educativos y demás disposiciones en vigor; e",
             "Inciso reformado DOF 30-11-2012",
             "i) En general, realizar todas aquéllas que las leyes y reglamentos encomienden a la",
             "Secretaría del Trabajo y Previsión Social en esta materia.",
             "lV. En materia de registro de constancias de habilidades laborales:",
             "a) Establecer registros de constancias relativas a trabajadores capacitados o adiestrados,",
             "dentro de cada una de las ramas industriales o actividades; y",
             "b) En general, realizar todas aquéllas que las leyes y reglamentos confieran a la Secretaría",
             "del Trabajo y Previsión Social en esta materia."),
         ("art_539", "art_539__frac_iii", "art_539__frac_iii__inc_h", "art_539__frac_iii__inc_i",
          "art_539__frac_iv", "art_539__frac_iv__inc_a", "art_539__frac_iv__inc_b")),
    Form("cross-reference-at-line-start", "cff.txt:10569-10577 art. 173: '…la fracción I del' / 'Artículo 192 de "
         "este Código.' (the whole article: a shorter excerpt shows no wrap width)",
         _head() + _lines(
             "Artículo 173.- La enajenación de bienes embargados, procederá:",
             "I. A partir del día siguiente a aquél en que se hubiese fijado la base en los términos del Artículo 175",
             "de este Código.",
             "II. En los casos de embargo precautorio a que se refiere el Artículo 145 de este Código, cuando los",
             "créditos se hagan exigibles y no se paguen al momento del requerimiento.",
             "III. Cuando el embargado no proponga comprador dentro del plazo a que se refiere la fracción I del",
             "Artículo 192 de este Código.",
             "IV. Al quedar firme la resolución confirmatoria del acto impugnado, recaído en los medios de defensa",
             "que se hubieren hecho valer."),
         ("art_173", "art_173__frac_i", "art_173__frac_ii", "art_173__frac_iii", "art_173__frac_iv"),
         texts=(("art_173__frac_i", "A partir del día siguiente a aquél en que se hubiese fijado la base en los "
                 "términos del Artículo 175 de este Código."),
                ("art_173__frac_iii", "Cuando el embargado no proponga comprador dentro del plazo a que se "
                 "refiere la fracción I del Artículo 192 de este Código."))),
    # --- page furniture, containers, notes -----------------------------------------------------------
    Form("paragraph-across-page", "cff.txt:36-44: fracción II goes on after '1 de 376' and the header",
         _head() + _lines(
             "Artículo 2o.- Las contribuciones se clasifican en impuestos, aportaciones de seguridad social,",
             "contribuciones de mejoras y derechos, las que se definen de la siguiente manera:",
             "II. Aportaciones de seguridad social son las contribuciones establecidas en ley a cargo de personas",
             "que son sustituidas por el Estado en el cumplimiento de obligaciones fijadas por la ley en materia")
         + _page(1) + _lines(
             "de seguridad social o a las personas que se beneficien en forma especial por servicios de",
             "seguridad social proporcionados por el mismo Estado."),
         ("art_2", "art_2__frac_ii"),
         texts=(("art_2__frac_ii", "Aportaciones de seguridad social son las contribuciones establecidas en "
                 "ley a cargo de personas que son sustituidas por el Estado en el cumplimiento de "
                 "obligaciones fijadas por la ley en materia de seguridad social o a las personas que se "
                 "beneficien en forma especial por servicios de seguridad social proporcionados por el "
                 "mismo Estado."),)),
    Form("titulo-after-page-break", "ccom.txt:2023-2108: TITULO CUARTO … page 48, then 'TITULO QUINTO'",
         _head(_CCOM) + _lines(
             "TITULO CUARTO",
             "Del Depósito Mercantil",
             "CAPITULO I",
             "Del Depósito Mercantil en General",
             "Artículo 333.- Salvo pacto en contrario, el depositario tiene derecho á exigir retribución por el",
             "depósito, la cual se arreglará a los términos del contrato, y en su defecto, a los usos de la plaza en que se",
             "constituyó el depósito.",
             "Artículo 357.- (Se deroga)",
             "Artículo derogado DOF 27-08-1932")
         + _page(48, _CCOM, 291) + _lines(
             "TITULO QUINTO",
             "Del Préstamo Mercantil",
             "CAPITULO I",
             "Del Préstamo Mercantil en General",
             "Artículo 358.- Se reputa mercantil el préstamo cuando se contrae en el concepto y con expresión de",
             "que las cosas prestadas se destinan a actos de comercio y no para necesidades ajenas de éste."),
         ("tit_4", "tit_4__cap_1", "art_333", "art_357", "tit_5", "tit_5__cap_1", "art_358"),
         derogated=("art_357",), headings=(("tit_5", "Del Préstamo Mercantil"),)),
    Form("note-disposicion-derogatoria", "ccom.txt:135-140 'Disposición derogatoria al artículo DOF … "
         "Reformado DOF …' closes art. 19",
         _head(_CCOM) + _lines(
             "Artículo 19. La inscripción o matrícula en el registro mercantil será potestativa para los individuos que",
             "se dediquen al comercio y obligatoria para todas las sociedades mercantiles por lo que se refiere a su",
             "constitución, transformación, fusión, escisión, disolución y liquidación y para los buques. Los primeros",
             "quedarán matriculados de oficio al inscribir cualquier documento cuyo registro sea necesario.",
             "Disposición derogatoria al artículo DOF 04-01-1994. Reformado DOF 02-06-2009",
             "Artículo 20. El Registro Público de Comercio operará con un programa informático."),
         ("art_19", "art_20"),
         texts=(("art_19__par_1", "La inscripción o matrícula en el registro mercantil será potestativa para "
                 "los individuos que se dediquen al comercio y obligatoria para todas las sociedades mercantiles "
                 "por lo que se refiere a su constitución, transformación, fusión, escisión, disolución y "
                 "liquidación y para los buques. Los primeros quedarán matriculados de oficio al inscribir "
                 "cualquier documento cuyo registro sea necesario."),)),
    Form("note-after-page-break", "lft.txt:4659-4665: the article's note opens the next page",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 353-M.- Los trabajadores académicos dedicados exclusivamente a la docencia podrán ser",
             "contratados por hora clase.")
         + _page(106, _LFT, 450, "21-02-2025") + _lines(
             "Artículo adicionado DOF 20-10-1980",
             "Artículo 353-N.- No es violatorio del principio de igualdad de salarios la fijación de salarios distintos",
             "para trabajo igual si éste corresponde a diferentes categorías académicas."),
         ("art_353-m", "art_353-n"),
         texts=(("art_353-m__par_1", "Los trabajadores académicos dedicados exclusivamente a la docencia "
                 "podrán ser contratados por hora clase."),)),
    Form("paragraph-note-chain", "cff.txt:1012-1016 'Párrafo adicionado DOF 12-11-2021. Reformado DOF …'",
         _head() + _lines(
             "Artículo 17-H Bis. Las autoridades fiscales podrán restringir temporalmente el uso de los",
             "certificados de sello digital cuando:",
             "I. Detecten que los contribuyentes, en un ejercicio fiscal y estando obligados a ello, omitan la",
             "presentación de la declaración anual transcurrido un mes posterior a la fecha en que se",
             "encontraban obligados a hacerlo en términos de las disposiciones fiscales, o de dos o más",
             "declaraciones provisionales o definitivas consecutivas o no consecutivas.",
             "Tratándose de contribuyentes que tributen conforme al Título IV, Capítulo II, Sección IV de la",
             "Ley del Impuesto sobre la Renta, la restricción temporal se realizará cuando se detecte que",
             "omitió tres o más pagos mensuales en un año calendario, consecutivos o no.",
             "Párrafo adicionado DOF 12-11-2021. Reformado DOF 07-11-2025",
             "II. Durante el procedimiento administrativo de ejecución no localicen al contribuyente o éste",
             "desaparezca."),
         ("art_17-h-bis", "art_17-h-bis__frac_i", "art_17-h-bis__frac_ii"),
         texts=(("art_17-h-bis__frac_i__par_2", "Tratándose de contribuyentes que tributen conforme al "
                 "Título IV, Capítulo II, Sección IV de la Ley del Impuesto sobre la Renta, la restricción "
                 "temporal se realizará cuando se detecte que omitió tres o más pagos mensuales en un año calendario, "
                 "consecutivos o no."),)),
    Form("table-steps-are-not-transitorios", "lft.txt:11054-11075 art. 513: steps 'Primero.' … 'Tercero.'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 513.- La Secretaría del Trabajo y Previsión Social actualizará simultáneamente las Tablas de",
             "Enfermedades de Trabajo.",
             "Primero. Si en el audiograma no aparecieran anotaciones de algún oído o los dos por anacusia, o no",
             "hubo respuesta en todas o en alguna de ellas, el valor que se le asignará a esas frecuencias será de 120",
             "dB.",
             "Segundo. Se suman y se obtiene el promedio aritmético para cada oído. Ejemplo:",
             "Oído derecho (OD) Oído izquierdo (OI)",
             "Tercero. El promedio aritmético de cada oído se multiplica por 0.8 (constante de fletcher) y se obtiene el",
             "promedio de pérdida para cada oído o índice de fletcher.",
             "Artículo 514.- Las tablas a que se refiere el artículo anterior serán revisadas al menos cada cinco",
             "años."),
         ("art_513", "art_514")),
    # --- transitorios of the law ---------------------------------------------------------------------
    Form("transitorio-ordinal-number", "lft.txt:17995-18001 'TRANSITORIOS', 'Artículo 1º.-', '2º.-'",
         _head(_LFT, "21-02-2025") + _lines(
             "Artículo 1010.- Las sanciones se harán efectivas por las autoridades que designen las leyes.",
             "Artículo adicionado DOF 04-01-1980",
             "TRANSITORIOS",
             "Artículo 1º.- Esta Ley entrará en vigor el día 1o. de mayo de 1970, con excepción de los artículos 71 y",
             "87 que entrarán en vigor el día 1o. de julio de 1970.",
             "Artículo 2º.- Se abroga la Ley Federal del Trabajo de 18 de agosto de 1931."),
         ("art_1010", "tra_1", "tra_2")),
    Form("transitorio-glued-ordinal", "lic.txt:10456-10483 'ARTICULO NOVENO.-' … 'DECIMOSEGUNDO.-'",
         _head(_LIC) + _lines(
             "Artículo 281.- En caso de que el resultado de la evaluación de desempeño no sea satisfactorio, la",
             "institución relevante deberá presentar un plan para subsanar las deficiencias.",
             "TRANSITORIOS",
             "ARTICULO PRIMERO.- La presente Ley entrará en vigor el día siguiente al de su publicación en el",
             "Diario Oficial de la Federación.",
             "ARTICULO SEGUNDO.- Se abroga la Ley Reglamentaria del Servicio Público de Banca y Crédito.",
             "ARTICULO TERCERO.- Cuando las leyes hagan referencia a sociedades nacionales de crédito.",
             "ARTICULO CUARTO.- En tanto el Ejecutivo Federal expida las disposiciones.",
             "ARTICULO QUINTO.- Las autorizaciones continuarán en vigor.",
             "ARTICULO SEXTO.- Los asuntos en trámite se resolverán conforme a la ley anterior.",
             "ARTICULO SEPTIMO.- El Ejecutivo Federal transformará las sociedades nacionales de crédito.",
             "ARTICULO OCTAVO.- Las instituciones que dejen de tener ese carácter se liquidarán.",
             "ARTICULO NOVENO.- Los procedimientos de conciliación a que se refieren los artículos 95 y 96 de",
             "la Ley Reglamentaria de Servicio Público de Banca y Crédito, se continuarán tramitando.",
             "ARTICULO DECIMO.- El Gobierno Federal realizará las modificaciones procedentes.",
             "ARTICULO DECIMOPRIMERO.- En tanto se modifican las leyes orgánicas de las instituciones de",
             "banca de desarrollo, las remisiones se entenderán referidas a la presente Ley.",
             "ARTICULO DECIMOSEGUNDO.- (Se deroga).",
             "Artículo derogado DOF 23-12-1993"),
         ("art_281", *(f"tra_{n}" for n in range(1, 13))), derogated=("tra_12",)),
    Form("transitorio-decimoctavo", "lic.txt:10506-10525 'DECIMOSEPTIMO', 'DECIMOCTAVO' (the o elided), "
         "'DECIMONOVENO'",
         _head(_LIC) + _lines(
             "Artículo 281.- En caso de que el resultado de la evaluación de desempeño no sea satisfactorio, la",
             "institución relevante deberá presentar un plan para subsanar las deficiencias.",
             "TRANSITORIOS",
             "ARTICULO DECIMOSEPTIMO.- Los servidores públicos de las instituciones de banca múltiple,",
             "deberán presentar la declaración de situación patrimonial dentro del plazo señalado.",
             "ARTICULO DECIMOCTAVO.- Los administradores de las cajas de ahorro, cooperativas de ahorro y",
             "préstamo, y demás sociedades que hayan iniciado operaciones con anterioridad a la vigencia de esta Ley",
             "podrán continuar operando.",
             "ARTICULO DECIMONOVENO.- Los procedimientos de conciliación laboral previstos en el artículo 8o.",
             "de las Condiciones Generales de Trabajo se continuarán tramitando hasta su total terminación."),
         ("art_281", "tra_17", "tra_18", "tra_19")),
    Form("enacting-decree-after-transitorios", "LAmp:5396-5424 'DÉCIMO PRIMERO.' then the enacting "
         "decree's 'ARTÍCULO SEGUNDO. ……….' (pdftotext)",
         "LEY DE AMPARO \n \nArtículo 271. Cuando al concederse definitivamente el amparo se aplique la ley. \n \n"
         "TRANSITORIOS \n \nPRIMERO. La presente Ley entrará en vigor al día siguiente de su publicación en el "
         "Diario Oficial de la \nFederación. \n \nSEGUNDO. Se abroga la Ley de Amparo publicada en el Diario "
         "Oficial de la Federación el 10 de enero de 1936. \n \nARTÍCULO SEGUNDO. ………. \n \n"
         "ARTÍCULO TERCERO. ………. \n \nTRANSITORIO \n \nÚNICO. El presente Decreto entrará en vigor al día "
         "siguiente de su publicación en el Diario Oficial de \nla Federación. \n",
         ("art_271", "tra_1", "tra_2")),
)

# form id -> what today's parser does instead (strict xfail). Delete an entry when the row passes.
# The three left are excerpts too short to show the CNPP's layout: whether a code prints epigraphs
# is decided once per text, from 8 articles or more (parser.tree_rules.has_epigraph_layout), so
# that another code's unpunctuated first sentence is never taken for one. The real CNPP reads all three
# (test_statute_real_codes: art_211, tra_1; test_real_codes: every epigraph of the code).
_SHORT = "an excerpt of fewer than 8 articles shows no epigraph layout"
XFAIL: dict[str, str] = {
    "epigraph-line": f"{_SHORT}: the epigraph is read as the first párrafo",
    "epigraph-incisos-after-page": f"{_SHORT}: the epigraph is joined to the first párrafo",
    "uppercase-transitorio-epigraph": f"{_SHORT}: the transitorio's epigraph is read as a párrafo",
}


_PARRAFO_PART = re.compile(r"par_\d+__")


def _rows() -> list[object]:
    rows: list[object] = []
    for form in FORMS:
        reason = XFAIL.get(form.id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        rows.append(pytest.param(form, marks=marks, id=form.id))
    return rows


def test_forms_are_one_per_row() -> None:
    assert 20 <= len(FORMS) <= 40
    assert len({form.id for form in FORMS}) == len(FORMS)


@pytest.mark.parametrize("form", _rows())
def test_real_form(form: Form) -> None:
    document = parse_statute(form.text)
    provisions = list(document.walk())
    labels = tuple(_PARRAFO_PART.sub("", p.label) for p in provisions if p.kind is not Kind.PARRAFO)
    assert labels == form.labels
    assert tuple(p.label for p in provisions if p.status is Status.DEROGADO) == form.derogated
    index = document.index()
    for label, heading in form.headings:
        assert index[label].heading == heading, label
    for label, text in form.texts:
        assert " ".join(index[label].text.split()) == text, label
