"""What seven real Cámara codes hold, established without the parser: the yardstick for read_statute.

Method (tests/tools/real_codes_census.py, which imports nothing from parser/): the Cámara page
furniture is removed by its exact block shape ("N de M", running title, "CÁMARA DE DIPUTADOS … Última
Reforma DOF …", "Secretaría General", "Secretaría de Servicios Parlamentarios"; in the two pdftotext
laws, from the form feed down to the counter); the law body ends at its own "TRANSITORIOS" line, before
the "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA" appendix; an article is a line that opens with
"Artículo" + number + qualifiers + ".-" / "." / "-". Then every doubtful line was read by eye
(``real_codes_report.py --doubtful``): article-like lines not taken as headings, headings out of
numeric order, repeated labels. For all seven codes the article numbers run 1..max with no gap and no
repeat, and no heading is glued mid-line, so no heading is lost inside a paragraph either.

Derogated = the article's own text is only a placeholder: "(Se deroga).", "Se deroga.", "Se deroga",
"Se Deroga.", "(Derogado).". Cross-checked against the history notes: every derogated article that
has a note ends it with "Derogado DOF …" (lft 878 and 880, liva 2o.-C: the note wraps onto a second
line), and the one article whose note starts "Artículo derogado" but reads on "Adicionado …
Reformado" (lic 49, line 3183) holds text again; 83 of cff's 84 derogations have no note (146-B has).
Transitorios = the law's own (the enacting decree's), an unbroken ordinal run after "TRANSITORIOS";
the appendix's decree transitorios are not the law's.

Fracciones and incisos = marker lines in the articles of the law body ("I.", "IV.-", "XVI Bis.", "VII
bis.", "l." / "lV." with a lowercase L, "a)", "a)."), less the wrapped references (a line right after
one ending "inciso" / "fracción": cff 4199 "a) de la fracción III", 9900 "f) de la fracción III")
and the "i)" subnumerales under an inciso other than "h)" (lic 1134, 1140, 2842). LAmp (293, 67) and
LIVA (155, 50) give the counts tests/test_real_statutes.py established by grep and reading. For the
five tezca codes the counts were compared article by article with a parse of the statute branch
(d008681): they agree except in three places, read by eye, where the parser loses a unit after a
line that ends in a connector: lft 504 inciso e) after "…; y," (6358), lft 529 fracción VII after
"…; y," (11964), ccom 1480 inciso b) after "… o bien que" (9446).

Containers = lines that are only a heading word and its number ("TITULO TRECE BIS", "TÍTULO ESPECIAL",
"SECCIÓN ÚNICA", "Capitulo XIII Bis", "CAPITULO IX BIS"); "Capítulo II del …", "Sección adicionada
DOF …", "Capítulo, relativo a …" are prose or notes. LAmp (5, 29, 14) and LIVA (10, 2) as
test_real_statutes; the five tezca codes agree with the statute branch's parse kind by kind.

``Spot`` records, for a few hard articles per code, what a careful reader sees: the epigraph (cnpp),
the first and last words of the article's text (heading marker, annotations and furniture left
out; the words as printed, joined across line and page breaks), and its units: fracciones, incisos
and the "i)"/"ii)" subnumerales (``num_i``), as labels relative to the article with párrafos left out
(whether a list hangs from the párrafo that introduces it is not what a spot checks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spot:
    label: str
    line: int  # the heading's line in the sample (1-based): the evidence
    starts: str
    ends: str
    heading: str = ""
    units: tuple[str, ...] | None = ()  # None: not checked (tables make the list meaningless)
    corrected: str = ""  # why these units differ from what the census reads from the layout alone


@dataclass(frozen=True, slots=True)
class Code:
    key: str
    path: str  # under dof-samples/
    running_title: str  # the title repeated on every page (page furniture)
    body: tuple[int, int]  # first heading line, the law's "TRANSITORIOS" line
    labels: tuple[str, ...]  # every article of the law body, in order
    derogated: int
    transitorios: int
    spots: tuple[Spot, ...]
    fracciones: int  # under the law body's articles (transitorios left out)
    incisos: int
    containers: tuple[int, int, int, int]  # libros, títulos, capítulos, secciones


# --- Ordered article labels, generated once by tests/tools/real_codes_report.py --labels and
# reviewed (--doubtful); test_census_still_reads_the_samples_so re-runs the census against them. ---

CFF_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_4", "art_4-a", "art_5", "art_5-a", "art_6", "art_7", "art_8",
    "art_9", "art_10", "art_11", "art_12", "art_13", "art_14", "art_14-a", "art_14-b", "art_15",
    "art_15-a", "art_15-b", "art_15-c", "art_15-d", "art_16", "art_16-a", "art_16-b", "art_16-c",
    "art_17", "art_17-a", "art_17-b", "art_17-c", "art_17-d", "art_17-e", "art_17-f", "art_17-g",
    "art_17-h", "art_17-h-bis", "art_17-i", "art_17-j", "art_17-k", "art_17-l", "art_18", "art_18-a",
    "art_18-b", "art_19", "art_19-a", "art_20", "art_20-bis", "art_20-ter", "art_21", "art_22",
    "art_22-a", "art_22-b", "art_22-c", "art_22-d", "art_23", "art_24", "art_25", "art_25-a", "art_26",
    "art_26-a", "art_27", "art_28", "art_29", "art_29-bis", "art_29-a", "art_29-a-bis", "art_29-b",
    "art_29-c", "art_29-d", "art_30", "art_30-a", "art_30-b", "art_31", "art_31-a", "art_32",
    "art_32-a", "art_32-b", "art_32-b-bis", "art_32-b-ter", "art_32-b-quater", "art_32-b-quinquies",
    "art_32-c", "art_32-d", "art_32-e", "art_32-f", "art_32-g", "art_32-h", "art_32-i", "art_33",
    "art_33-a", "art_33-b", "art_34", "art_34-a", "art_35", "art_36", "art_36-bis", "art_37", "art_38",
    "art_39", "art_40", "art_40-a", "art_41", "art_41-a", "art_41-b", "art_42", "art_42-a", "art_42-b",
    "art_43", "art_44", "art_45", "art_46", "art_46-a", "art_47", "art_48", "art_48-a", "art_49",
    "art_49-bis", "art_50", "art_51", "art_52", "art_52-a", "art_53", "art_53-a", "art_53-b",
    "art_53-c", "art_53-d", "art_54", "art_55", "art_56", "art_57", "art_58", "art_58-a", "art_59",
    "art_60", "art_61", "art_62", "art_63", "art_64", "art_65", "art_66", "art_66-a", "art_67",
    "art_68", "art_69", "art_69-a", "art_69-b", "art_69-b-bis", "art_69-b-ter", "art_69-c", "art_69-d",
    "art_69-e", "art_69-f", "art_69-g", "art_69-h", "art_70", "art_70-a", "art_70-bis", "art_71",
    "art_72", "art_73", "art_74", "art_75", "art_76", "art_77", "art_78", "art_79", "art_80", "art_81",
    "art_82", "art_82-a", "art_82-b", "art_82-c", "art_82-d", "art_82-e", "art_82-f", "art_82-g",
    "art_82-h", "art_83", "art_84", "art_84-a", "art_84-b", "art_84-c", "art_84-d", "art_84-e",
    "art_84-f", "art_84-g", "art_84-h", "art_84-i", "art_84-j", "art_84-k", "art_84-l", "art_84-m",
    "art_84-n", "art_85", "art_86", "art_86-a", "art_86-b", "art_86-c", "art_86-d", "art_86-e",
    "art_86-f", "art_86-g", "art_86-h", "art_86-i", "art_86-j", "art_87", "art_88", "art_89", "art_90",
    "art_90-a", "art_91", "art_91-a", "art_91-b", "art_91-c", "art_91-d", "art_92", "art_93", "art_94",
    "art_95", "art_96", "art_97", "art_98", "art_99", "art_100", "art_101", "art_102", "art_103",
    "art_104", "art_105", "art_106", "art_107", "art_108", "art_109", "art_110", "art_111",
    "art_111-bis", "art_112", "art_113", "art_113-bis", "art_114", "art_114-a", "art_114-b", "art_115",
    "art_115-bis", "art_115-ter", "art_116", "art_117", "art_118", "art_119", "art_120", "art_121",
    "art_122", "art_123", "art_124", "art_124-a", "art_125", "art_126", "art_127", "art_128", "art_129",
    "art_130", "art_131", "art_132", "art_133", "art_133-a", "art_133-b", "art_133-c", "art_133-d",
    "art_133-e", "art_133-f", "art_133-g", "art_134", "art_135", "art_136", "art_137", "art_138",
    "art_139", "art_140", "art_141", "art_141-a", "art_142", "art_143", "art_144", "art_145",
    "art_145-a", "art_146", "art_146-a", "art_146-b", "art_146-c", "art_146-d", "art_147", "art_148",
    "art_149", "art_150", "art_151", "art_151-bis", "art_152", "art_153", "art_154", "art_155",
    "art_156", "art_156-bis", "art_156-ter", "art_157", "art_158", "art_159", "art_160", "art_161",
    "art_162", "art_163", "art_164", "art_165", "art_166", "art_167", "art_168", "art_169", "art_170",
    "art_171", "art_172", "art_173", "art_174", "art_175", "art_176", "art_177", "art_178", "art_179",
    "art_180", "art_181", "art_182", "art_183", "art_184", "art_185", "art_186", "art_187", "art_188",
    "art_188-bis", "art_189", "art_190", "art_191", "art_192", "art_193", "art_194", "art_195",
    "art_196", "art_196-a", "art_196-b", "art_197", "art_198", "art_199", "art_200", "art_201",
    "art_202", "art_203", "art_204", "art_205", "art_206", "art_207", "art_208", "art_208-bis",
    "art_209", "art_209-bis", "art_210", "art_211", "art_212", "art_213", "art_214", "art_215",
    "art_216", "art_217", "art_218", "art_219", "art_220", "art_221", "art_222", "art_223", "art_224",
    "art_225", "art_226", "art_227", "art_228", "art_228-bis", "art_229", "art_230", "art_231",
    "art_232", "art_233", "art_234", "art_235", "art_236", "art_237", "art_238", "art_239", "art_239-a",
    "art_239-b", "art_239-c", "art_240", "art_241", "art_242", "art_243", "art_244", "art_245",
    "art_246", "art_247", "art_248", "art_249", "art_250", "art_251", "art_252", "art_253", "art_254",
    "art_255", "art_256", "art_257", "art_258", "art_258-a", "art_259", "art_260", "art_261", "art_262",
    "art_263",
)

CNPP_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_4", "art_5", "art_6", "art_7", "art_8", "art_9", "art_10", "art_11",
    "art_12", "art_13", "art_14", "art_15", "art_16", "art_17", "art_18", "art_19", "art_20", "art_21",
    "art_22", "art_23", "art_24", "art_25", "art_26", "art_27", "art_28", "art_29", "art_30", "art_31",
    "art_32", "art_33", "art_34", "art_35", "art_36", "art_37", "art_38", "art_39", "art_40", "art_41",
    "art_42", "art_43", "art_44", "art_45", "art_46", "art_47", "art_48", "art_49", "art_50", "art_51",
    "art_52", "art_53", "art_54", "art_55", "art_56", "art_57", "art_58", "art_59", "art_60", "art_61",
    "art_62", "art_63", "art_64", "art_65", "art_66", "art_67", "art_68", "art_69", "art_70", "art_71",
    "art_72", "art_73", "art_74", "art_75", "art_76", "art_77", "art_78", "art_79", "art_80", "art_81",
    "art_82", "art_83", "art_84", "art_85", "art_86", "art_87", "art_88", "art_89", "art_90", "art_91",
    "art_92", "art_93", "art_94", "art_95", "art_96", "art_97", "art_98", "art_99", "art_100",
    "art_101", "art_102", "art_103", "art_104", "art_105", "art_106", "art_107", "art_108", "art_109",
    "art_110", "art_111", "art_112", "art_113", "art_114", "art_115", "art_116", "art_117", "art_118",
    "art_119", "art_120", "art_121", "art_122", "art_123", "art_124", "art_125", "art_126", "art_127",
    "art_128", "art_129", "art_130", "art_131", "art_132", "art_133", "art_134", "art_135", "art_136",
    "art_137", "art_138", "art_139", "art_140", "art_141", "art_142", "art_143", "art_144", "art_145",
    "art_146", "art_147", "art_148", "art_149", "art_150", "art_151", "art_152", "art_153", "art_154",
    "art_155", "art_156", "art_157", "art_158", "art_159", "art_160", "art_161", "art_162", "art_163",
    "art_164", "art_165", "art_166", "art_167", "art_168", "art_169", "art_170", "art_171", "art_172",
    "art_173", "art_174", "art_175", "art_176", "art_177", "art_178", "art_179", "art_180", "art_181",
    "art_182", "art_183", "art_184", "art_185", "art_186", "art_187", "art_188", "art_189", "art_190",
    "art_191", "art_192", "art_193", "art_194", "art_195", "art_196", "art_197", "art_198", "art_199",
    "art_200", "art_201", "art_202", "art_203", "art_204", "art_205", "art_206", "art_207", "art_208",
    "art_209", "art_210", "art_211", "art_212", "art_213", "art_214", "art_215", "art_216", "art_217",
    "art_218", "art_219", "art_220", "art_221", "art_222", "art_223", "art_224", "art_225", "art_226",
    "art_227", "art_228", "art_229", "art_230", "art_231", "art_232", "art_233", "art_234", "art_235",
    "art_236", "art_237", "art_238", "art_239", "art_240", "art_241", "art_242", "art_243", "art_244",
    "art_245", "art_246", "art_247", "art_248", "art_249", "art_250", "art_251", "art_252", "art_253",
    "art_254", "art_255", "art_256", "art_257", "art_258", "art_259", "art_260", "art_261", "art_262",
    "art_263", "art_264", "art_265", "art_266", "art_267", "art_268", "art_269", "art_270", "art_271",
    "art_272", "art_273", "art_274", "art_275", "art_276", "art_277", "art_278", "art_279", "art_280",
    "art_281", "art_282", "art_283", "art_284", "art_285", "art_286", "art_287", "art_288", "art_289",
    "art_290", "art_291", "art_292", "art_293", "art_294", "art_295", "art_296", "art_297", "art_298",
    "art_299", "art_300", "art_301", "art_302", "art_303", "art_304", "art_305", "art_306", "art_307",
    "art_308", "art_309", "art_310", "art_311", "art_312", "art_313", "art_314", "art_315", "art_316",
    "art_317", "art_318", "art_319", "art_320", "art_321", "art_322", "art_323", "art_324", "art_325",
    "art_326", "art_327", "art_328", "art_329", "art_330", "art_331", "art_332", "art_333", "art_334",
    "art_335", "art_336", "art_337", "art_338", "art_339", "art_340", "art_341", "art_342", "art_343",
    "art_344", "art_345", "art_346", "art_347", "art_348", "art_349", "art_350", "art_351", "art_352",
    "art_353", "art_354", "art_355", "art_356", "art_357", "art_358", "art_359", "art_360", "art_361",
    "art_362", "art_363", "art_364", "art_365", "art_366", "art_367", "art_368", "art_369", "art_370",
    "art_371", "art_372", "art_373", "art_374", "art_375", "art_376", "art_377", "art_378", "art_379",
    "art_380", "art_381", "art_382", "art_383", "art_384", "art_385", "art_386", "art_387", "art_388",
    "art_389", "art_390", "art_391", "art_392", "art_393", "art_394", "art_395", "art_396", "art_397",
    "art_398", "art_399", "art_400", "art_401", "art_402", "art_403", "art_404", "art_405", "art_406",
    "art_407", "art_408", "art_409", "art_410", "art_411", "art_412", "art_413", "art_414", "art_415",
    "art_416", "art_417", "art_418", "art_419", "art_420", "art_421", "art_422", "art_423", "art_424",
    "art_425", "art_426", "art_427", "art_428", "art_429", "art_430", "art_431", "art_432", "art_433",
    "art_434", "art_435", "art_436", "art_437", "art_438", "art_439", "art_440", "art_441", "art_442",
    "art_443", "art_444", "art_445", "art_446", "art_447", "art_448", "art_449", "art_450", "art_451",
    "art_452", "art_453", "art_454", "art_455", "art_456", "art_457", "art_458", "art_459", "art_460",
    "art_461", "art_462", "art_463", "art_464", "art_465", "art_466", "art_467", "art_468", "art_469",
    "art_470", "art_471", "art_472", "art_473", "art_474", "art_475", "art_476", "art_477", "art_478",
    "art_479", "art_480", "art_481", "art_482", "art_483", "art_484", "art_485", "art_486", "art_487",
    "art_488", "art_489", "art_490",
)

LFT_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_3-bis", "art_3-ter", "art_4", "art_5", "art_6", "art_7", "art_8",
    "art_9", "art_10", "art_11", "art_12", "art_13", "art_14", "art_15", "art_15-a", "art_15-b",
    "art_15-c", "art_15-d", "art_16", "art_17", "art_18", "art_19", "art_20", "art_21", "art_22",
    "art_22-bis", "art_23", "art_24", "art_25", "art_26", "art_27", "art_28", "art_28-a", "art_28-b",
    "art_29", "art_30", "art_31", "art_32", "art_33", "art_34", "art_35", "art_36", "art_37", "art_38",
    "art_39", "art_39-a", "art_39-b", "art_39-c", "art_39-d", "art_39-e", "art_39-f", "art_40",
    "art_41", "art_42", "art_42-bis", "art_43", "art_44", "art_45", "art_46", "art_47", "art_48",
    "art_48-bis", "art_49", "art_50", "art_51", "art_52", "art_53", "art_54", "art_55", "art_56",
    "art_56-bis", "art_57", "art_58", "art_59", "art_60", "art_61", "art_62", "art_63", "art_64",
    "art_65", "art_66", "art_67", "art_68", "art_69", "art_70", "art_71", "art_72", "art_73", "art_74",
    "art_75", "art_76", "art_77", "art_78", "art_79", "art_80", "art_81", "art_82", "art_83", "art_84",
    "art_85", "art_86", "art_87", "art_88", "art_89", "art_90", "art_91", "art_92", "art_93", "art_94",
    "art_95", "art_96", "art_97", "art_98", "art_99", "art_100", "art_101", "art_102", "art_103",
    "art_103-bis", "art_104", "art_105", "art_106", "art_107", "art_108", "art_109", "art_110",
    "art_111", "art_112", "art_113", "art_114", "art_115", "art_116", "art_117", "art_118", "art_119",
    "art_120", "art_121", "art_122", "art_123", "art_124", "art_125", "art_126", "art_127", "art_128",
    "art_129", "art_130", "art_131", "art_132", "art_133", "art_134", "art_135", "art_136", "art_137",
    "art_138", "art_139", "art_140", "art_141", "art_142", "art_143", "art_144", "art_145", "art_146",
    "art_147", "art_148", "art_149", "art_150", "art_151", "art_152", "art_153", "art_153-a",
    "art_153-b", "art_153-c", "art_153-d", "art_153-e", "art_153-f", "art_153-f-bis", "art_153-g",
    "art_153-h", "art_153-i", "art_153-j", "art_153-k", "art_153-l", "art_153-m", "art_153-n",
    "art_153-o", "art_153-p", "art_153-q", "art_153-r", "art_153-s", "art_153-t", "art_153-u",
    "art_153-v", "art_153-w", "art_153-x", "art_154", "art_155", "art_156", "art_157", "art_158",
    "art_159", "art_160", "art_161", "art_162", "art_163", "art_164", "art_165", "art_166", "art_167",
    "art_168", "art_169", "art_170", "art_170-bis", "art_171", "art_172", "art_173", "art_174",
    "art_175", "art_175-bis", "art_176", "art_177", "art_178", "art_179", "art_180", "art_181",
    "art_182", "art_183", "art_184", "art_185", "art_186", "art_187", "art_188", "art_189", "art_190",
    "art_191", "art_192", "art_193", "art_194", "art_195", "art_196", "art_197", "art_198", "art_199",
    "art_200", "art_201", "art_202", "art_203", "art_204", "art_205", "art_206", "art_207", "art_208",
    "art_209", "art_210", "art_211", "art_212", "art_213", "art_214", "art_215", "art_216", "art_217",
    "art_218", "art_219", "art_220", "art_221", "art_222", "art_223", "art_224", "art_225", "art_226",
    "art_227", "art_228", "art_229", "art_230", "art_231", "art_232", "art_233", "art_234", "art_235",
    "art_236", "art_237", "art_238", "art_239", "art_240", "art_241", "art_242", "art_243", "art_244",
    "art_245", "art_245-bis", "art_246", "art_247", "art_248", "art_249", "art_250", "art_251",
    "art_252", "art_253", "art_254", "art_255", "art_256", "art_257", "art_258", "art_259", "art_260",
    "art_261", "art_262", "art_263", "art_264", "art_265", "art_266", "art_267", "art_268", "art_269",
    "art_270", "art_271", "art_272", "art_273", "art_274", "art_275", "art_276", "art_277", "art_278",
    "art_279", "art_279-bis", "art_279-ter", "art_279-quater", "art_280", "art_280-bis", "art_281",
    "art_282", "art_283", "art_283-bis", "art_283-ter", "art_284", "art_284-bis", "art_285", "art_286",
    "art_287", "art_288", "art_289", "art_290", "art_291", "art_291-a", "art_291-b", "art_291-c",
    "art_291-d", "art_291-e", "art_291-f", "art_291-g", "art_291-h", "art_291-i", "art_291-j",
    "art_291-k", "art_291-l", "art_291-m", "art_291-n", "art_291-o", "art_291-p", "art_291-q",
    "art_291-r", "art_291-s", "art_291-t", "art_291-u", "art_292", "art_293", "art_294", "art_295",
    "art_296", "art_297", "art_298", "art_299", "art_300", "art_301", "art_302", "art_303", "art_304",
    "art_305", "art_306", "art_307", "art_308", "art_309", "art_310", "art_311", "art_312", "art_313",
    "art_314", "art_315", "art_316", "art_317", "art_318", "art_319", "art_320", "art_321", "art_322",
    "art_323", "art_324", "art_325", "art_326", "art_327", "art_328", "art_329", "art_330", "art_330-a",
    "art_330-b", "art_330-c", "art_330-d", "art_330-e", "art_330-f", "art_330-g", "art_330-h",
    "art_330-i", "art_330-j", "art_330-k", "art_331", "art_331-bis", "art_331-ter", "art_332",
    "art_333", "art_334", "art_334-bis", "art_335", "art_336", "art_336-bis", "art_337", "art_337-bis",
    "art_338", "art_339", "art_340", "art_341", "art_342", "art_343", "art_343-a", "art_343-b",
    "art_343-c", "art_343-d", "art_343-e", "art_344", "art_345", "art_346", "art_347", "art_348",
    "art_349", "art_350", "art_351", "art_352", "art_353", "art_353-a", "art_353-b", "art_353-c",
    "art_353-d", "art_353-e", "art_353-f", "art_353-g", "art_353-h", "art_353-i", "art_353-j",
    "art_353-k", "art_353-l", "art_353-m", "art_353-n", "art_353-nn", "art_353-o", "art_353-p",
    "art_353-q", "art_353-r", "art_353-s", "art_353-t", "art_353-u", "art_354", "art_355", "art_356",
    "art_357", "art_357-bis", "art_358", "art_359", "art_360", "art_361", "art_362", "art_363",
    "art_364", "art_364-bis", "art_365", "art_365-bis", "art_366", "art_367", "art_368", "art_369",
    "art_370", "art_371", "art_371-bis", "art_372", "art_373", "art_374", "art_375", "art_376",
    "art_377", "art_378", "art_379", "art_380", "art_381", "art_382", "art_383", "art_384", "art_385",
    "art_386", "art_386-bis", "art_387", "art_388", "art_389", "art_390", "art_390-bis", "art_390-ter",
    "art_391", "art_391-bis", "art_392", "art_393", "art_394", "art_395", "art_396", "art_397",
    "art_398", "art_399", "art_399-bis", "art_399-ter", "art_400", "art_400-bis", "art_401", "art_402",
    "art_403", "art_404", "art_405", "art_406", "art_407", "art_408", "art_409", "art_410", "art_411",
    "art_412", "art_413", "art_414", "art_415", "art_416", "art_417", "art_418", "art_419",
    "art_419-bis", "art_420", "art_421", "art_422", "art_423", "art_424", "art_424-bis", "art_425",
    "art_426", "art_427", "art_428", "art_429", "art_430", "art_431", "art_432", "art_433", "art_434",
    "art_435", "art_436", "art_437", "art_438", "art_439", "art_440", "art_441", "art_442", "art_443",
    "art_444", "art_445", "art_446", "art_447", "art_448", "art_449", "art_450", "art_451", "art_452",
    "art_453", "art_454", "art_455", "art_456", "art_457", "art_458", "art_459", "art_460", "art_461",
    "art_462", "art_463", "art_464", "art_465", "art_466", "art_467", "art_468", "art_469", "art_470",
    "art_471", "art_472", "art_473", "art_474", "art_475", "art_475-bis", "art_476", "art_477",
    "art_478", "art_479", "art_480", "art_481", "art_482", "art_483", "art_484", "art_485", "art_486",
    "art_487", "art_488", "art_489", "art_490", "art_491", "art_492", "art_493", "art_494", "art_495",
    "art_496", "art_497", "art_498", "art_499", "art_500", "art_501", "art_502", "art_503", "art_504",
    "art_505", "art_506", "art_507", "art_508", "art_509", "art_510", "art_511", "art_512", "art_512-a",
    "art_512-b", "art_512-c", "art_512-d", "art_512-d-bis", "art_512-d-ter", "art_512-e", "art_512-f",
    "art_512-g", "art_513", "art_514", "art_515", "art_516", "art_517", "art_518", "art_519", "art_520",
    "art_521", "art_522", "art_523", "art_524", "art_525", "art_525-bis", "art_526", "art_527",
    "art_527-a", "art_528", "art_529", "art_530", "art_530-bis", "art_531", "art_532", "art_533",
    "art_533-bis", "art_534", "art_535", "art_536", "art_537", "art_538", "art_539", "art_539-a",
    "art_539-b", "art_539-c", "art_539-d", "art_539-e", "art_539-f", "art_540", "art_541", "art_542",
    "art_543", "art_544", "art_545", "art_546", "art_547", "art_548", "art_549", "art_550", "art_551",
    "art_552", "art_553", "art_554", "art_555", "art_556", "art_557", "art_558", "art_559", "art_560",
    "art_561", "art_562", "art_563", "art_564", "art_565", "art_566", "art_567", "art_568", "art_569",
    "art_570", "art_571", "art_572", "art_573", "art_574", "art_575", "art_576", "art_577", "art_578",
    "art_579", "art_580", "art_581", "art_582", "art_583", "art_584", "art_585", "art_586", "art_587",
    "art_588", "art_589", "art_590", "art_590-a", "art_590-b", "art_590-c", "art_590-d", "art_590-e",
    "art_590-f", "art_591", "art_592", "art_593", "art_594", "art_595", "art_596", "art_597", "art_598",
    "art_599", "art_600", "art_601", "art_602", "art_603", "art_604", "art_605", "art_605-bis",
    "art_606", "art_607", "art_608", "art_609", "art_610", "art_611", "art_612", "art_613", "art_614",
    "art_615", "art_616", "art_617", "art_618", "art_619", "art_620", "art_621", "art_622", "art_623",
    "art_624", "art_625", "art_626", "art_627", "art_627-a", "art_627-b", "art_627-c", "art_628",
    "art_629", "art_630", "art_631", "art_632", "art_633", "art_634", "art_635", "art_636", "art_637",
    "art_638", "art_639", "art_640", "art_641", "art_641-a", "art_642", "art_643", "art_644", "art_645",
    "art_646", "art_647", "art_648", "art_649", "art_650", "art_651", "art_652", "art_653", "art_654",
    "art_655", "art_656", "art_657", "art_658", "art_659", "art_660", "art_661", "art_662", "art_663",
    "art_664", "art_665", "art_666", "art_667", "art_668", "art_669", "art_670", "art_671", "art_672",
    "art_673", "art_674", "art_675", "art_676", "art_677", "art_678", "art_679", "art_680", "art_681",
    "art_682", "art_682-a", "art_683", "art_684", "art_684-a", "art_684-b", "art_684-c", "art_684-d",
    "art_684-e", "art_684-f", "art_684-g", "art_684-h", "art_684-i", "art_684-j", "art_684-k",
    "art_684-l", "art_684-m", "art_684-n", "art_684-o", "art_684-p", "art_684-q", "art_684-r",
    "art_684-s", "art_684-t", "art_684-u", "art_685", "art_685-bis", "art_685-ter", "art_686",
    "art_687", "art_688", "art_689", "art_690", "art_691", "art_692", "art_693", "art_694", "art_695",
    "art_696", "art_697", "art_698", "art_699", "art_700", "art_701", "art_702", "art_703", "art_704",
    "art_705", "art_705-bis", "art_706", "art_706-bis", "art_707", "art_707-bis", "art_707-ter",
    "art_708", "art_709", "art_709-a", "art_709-b", "art_709-c", "art_709-d", "art_709-e", "art_709-f",
    "art_709-g", "art_709-h", "art_709-i", "art_709-j", "art_710", "art_711", "art_712", "art_712-bis",
    "art_712-ter", "art_713", "art_714", "art_715", "art_716", "art_717", "art_718", "art_719",
    "art_720", "art_721", "art_722", "art_723", "art_724", "art_725", "art_726", "art_727", "art_728",
    "art_729", "art_730", "art_731", "art_732", "art_733", "art_734", "art_735", "art_736", "art_737",
    "art_738", "art_739", "art_739-bis", "art_739-ter", "art_740", "art_741", "art_742", "art_742-bis",
    "art_742-ter", "art_743", "art_744", "art_744-bis", "art_745", "art_745-bis", "art_745-ter",
    "art_746", "art_747", "art_748", "art_749", "art_750", "art_751", "art_752", "art_753", "art_754",
    "art_755", "art_756", "art_757", "art_758", "art_759", "art_760", "art_761", "art_762", "art_763",
    "art_763-bis", "art_764", "art_765", "art_766", "art_767", "art_768", "art_769", "art_770",
    "art_771", "art_772", "art_773", "art_774", "art_774-bis", "art_775", "art_776", "art_777",
    "art_778", "art_779", "art_780", "art_781", "art_782", "art_783", "art_784", "art_785", "art_786",
    "art_787", "art_788", "art_789", "art_790", "art_790-bis", "art_791", "art_792", "art_793",
    "art_794", "art_795", "art_796", "art_797", "art_798", "art_799", "art_800", "art_801", "art_802",
    "art_803", "art_804", "art_805", "art_806", "art_807", "art_808", "art_809", "art_810", "art_811",
    "art_812", "art_813", "art_814", "art_815", "art_816", "art_817", "art_818", "art_819", "art_820",
    "art_821", "art_822", "art_823", "art_824", "art_824-bis", "art_825", "art_826", "art_826-bis",
    "art_827", "art_828", "art_829", "art_830", "art_831", "art_832", "art_833", "art_834", "art_835",
    "art_836", "art_836-a", "art_836-b", "art_836-c", "art_836-d", "art_837", "art_838", "art_839",
    "art_840", "art_841", "art_842", "art_843", "art_844", "art_845", "art_846", "art_847", "art_848",
    "art_849", "art_850", "art_851", "art_852", "art_853", "art_854", "art_855", "art_856", "art_857",
    "art_858", "art_859", "art_860", "art_861", "art_862", "art_863", "art_864", "art_865", "art_866",
    "art_867", "art_868", "art_869", "art_870", "art_870-bis", "art_871", "art_872", "art_873",
    "art_873-a", "art_873-b", "art_873-c", "art_873-d", "art_873-e", "art_873-f", "art_873-g",
    "art_873-h", "art_873-i", "art_873-j", "art_873-k", "art_874", "art_875", "art_876", "art_877",
    "art_878", "art_879", "art_880", "art_881", "art_882", "art_883", "art_884", "art_885", "art_886",
    "art_887", "art_888", "art_889", "art_890", "art_891", "art_892", "art_893", "art_894", "art_895",
    "art_896", "art_897", "art_897-a", "art_897-b", "art_897-c", "art_897-d", "art_897-e", "art_897-f",
    "art_897-g", "art_898", "art_899", "art_899-a", "art_899-b", "art_899-c", "art_899-d", "art_899-e",
    "art_899-f", "art_899-g", "art_900", "art_901", "art_902", "art_903", "art_904", "art_905",
    "art_906", "art_907", "art_908", "art_909", "art_910", "art_911", "art_912", "art_913", "art_914",
    "art_915", "art_916", "art_917", "art_918", "art_919", "art_920", "art_921", "art_921-bis",
    "art_922", "art_923", "art_924", "art_925", "art_926", "art_927", "art_928", "art_929", "art_930",
    "art_931", "art_932", "art_933", "art_934", "art_935", "art_936", "art_937", "art_938", "art_939",
    "art_940", "art_941", "art_942", "art_943", "art_944", "art_945", "art_946", "art_947", "art_948",
    "art_949", "art_950", "art_951", "art_952", "art_953", "art_954", "art_955", "art_956", "art_957",
    "art_958", "art_959", "art_960", "art_961", "art_962", "art_963", "art_964", "art_965", "art_966",
    "art_966-bis", "art_966-ter", "art_967", "art_968", "art_969", "art_970", "art_971", "art_972",
    "art_973", "art_974", "art_975", "art_976", "art_977", "art_978", "art_979", "art_980", "art_981",
    "art_982", "art_983", "art_984", "art_985", "art_986", "art_987", "art_988", "art_989", "art_990",
    "art_991", "art_991-bis", "art_992", "art_993", "art_994", "art_995", "art_995-bis", "art_996",
    "art_997", "art_997-a", "art_997-b", "art_998", "art_999", "art_1000", "art_1001", "art_1002",
    "art_1003", "art_1004", "art_1004-a", "art_1004-b", "art_1004-c", "art_1005", "art_1006",
    "art_1007", "art_1008", "art_1009", "art_1010",
)

LIC_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_4", "art_5", "art_5-bis", "art_5-bis-1", "art_5-bis-2",
    "art_5-bis-3", "art_5-bis-4", "art_5-bis-5", "art_6", "art_7", "art_7-bis", "art_7-bis-1",
    "art_7-bis-2", "art_7-bis-3", "art_8", "art_8-bis", "art_9", "art_10", "art_10-bis", "art_11",
    "art_12", "art_13", "art_14", "art_15", "art_16", "art_16-bis", "art_17", "art_17-bis", "art_18",
    "art_19", "art_20", "art_21", "art_22", "art_22-bis", "art_23", "art_24", "art_24-bis",
    "art_24-bis-1", "art_24-bis-2", "art_25", "art_26", "art_27", "art_27-bis", "art_27-bis-1",
    "art_27-bis-2", "art_27-bis-3", "art_27-bis-4", "art_27-bis-5", "art_27-bis-6", "art_28", "art_29",
    "art_29-bis", "art_29-bis-1", "art_29-bis-2", "art_29-bis-3", "art_29-bis-4", "art_29-bis-5",
    "art_29-bis-6", "art_29-bis-7", "art_29-bis-8", "art_29-bis-9", "art_29-bis-10", "art_29-bis-11",
    "art_29-bis-12", "art_29-bis-13", "art_29-bis-14", "art_29-bis-15", "art_30", "art_31", "art_32",
    "art_33", "art_34", "art_35", "art_36", "art_37", "art_38", "art_39", "art_40", "art_41", "art_42",
    "art_43", "art_43-bis", "art_44", "art_44-bis", "art_44-bis-1", "art_44-bis-2", "art_44-bis-3",
    "art_44-bis-4", "art_44-bis-5", "art_45", "art_45-a", "art_45-b", "art_45-c", "art_45-d",
    "art_45-e", "art_45-f", "art_45-g", "art_45-h", "art_45-i", "art_45-j", "art_45-k", "art_45-l",
    "art_45-m", "art_45-n", "art_45-o", "art_45-p", "art_45-q", "art_45-r", "art_45-s", "art_45-t",
    "art_46", "art_46-bis", "art_46-bis-1", "art_46-bis-2", "art_46-bis-3", "art_46-bis-4",
    "art_46-bis-5", "art_46-bis-6", "art_47", "art_48", "art_48-bis-1", "art_48-bis-2", "art_48-bis-3",
    "art_48-bis-4", "art_48-bis-5", "art_49", "art_50", "art_50-bis", "art_51", "art_51-bis", "art_52",
    "art_53", "art_54", "art_55", "art_55-bis", "art_55-bis-1", "art_55-bis-2", "art_56", "art_57",
    "art_58", "art_59", "art_60", "art_61", "art_62", "art_63", "art_64", "art_64-bis", "art_65",
    "art_66", "art_67", "art_68", "art_69", "art_70", "art_71", "art_72", "art_72-bis", "art_73",
    "art_73-bis", "art_73-bis-1", "art_74", "art_75", "art_76", "art_77", "art_78", "art_79", "art_80",
    "art_81", "art_81-bis", "art_82", "art_83", "art_84", "art_85", "art_85-bis", "art_85-bis-1",
    "art_86", "art_87", "art_88", "art_89", "art_90", "art_90-bis", "art_91", "art_92", "art_93",
    "art_94", "art_94-bis", "art_95", "art_96", "art_96-bis", "art_96-bis-1", "art_96-bis-2", "art_97",
    "art_98", "art_98-bis", "art_99", "art_99-a", "art_100", "art_101", "art_101-bis", "art_101-bis-1",
    "art_101-bis-2", "art_101-bis-3", "art_101-bis-4", "art_101-bis-5", "art_102", "art_103", "art_104",
    "art_105", "art_106", "art_106-bis", "art_107", "art_107-bis", "art_108", "art_108-bis",
    "art_108-bis-1", "art_108-bis-2", "art_108-bis-3", "art_109", "art_109-bis", "art_109-bis-1",
    "art_109-bis-2", "art_109-bis-3", "art_109-bis-4", "art_109-bis-5", "art_109-bis-6",
    "art_109-bis-7", "art_109-bis-8", "art_109-bis-9", "art_109-bis-10", "art_109-bis-11",
    "art_109-bis-12", "art_110", "art_110-bis", "art_110-bis-1", "art_110-bis-2", "art_110-bis-3",
    "art_110-bis-4", "art_110-bis-5", "art_110-bis-6", "art_110-bis-7", "art_110-bis-8",
    "art_110-bis-9", "art_110-bis-10", "art_110-bis-11", "art_110-bis-12", "art_110-bis-13",
    "art_110-bis-14", "art_111", "art_111-bis", "art_112", "art_112-bis", "art_112-ter",
    "art_112-quater", "art_112-quintus", "art_112-sextus", "art_112-septimus", "art_113", "art_113-bis",
    "art_113-bis-1", "art_113-bis-2", "art_113-bis-3", "art_113-bis-4", "art_113-bis-5",
    "art_113-bis-6", "art_114", "art_114-bis", "art_114-bis-1", "art_114-bis-2", "art_114-bis-3",
    "art_114-bis-4", "art_114-bis-5", "art_114-bis-6", "art_115", "art_115-bis", "art_116",
    "art_116-bis", "art_116-bis-1", "art_116-bis-2", "art_117", "art_117-bis", "art_118", "art_118-a",
    "art_118-b", "art_119", "art_120", "art_121", "art_122", "art_122-bis", "art_122-bis-1",
    "art_122-bis-2", "art_122-bis-3", "art_122-bis-4", "art_122-bis-5", "art_122-bis-6",
    "art_122-bis-7", "art_122-bis-8", "art_122-bis-9", "art_122-bis-10", "art_122-bis-11",
    "art_122-bis-12", "art_122-bis-13", "art_122-bis-14", "art_122-bis-15", "art_122-bis-16",
    "art_122-bis-17", "art_122-bis-18", "art_122-bis-19", "art_122-bis-20", "art_122-bis-21",
    "art_122-bis-22", "art_122-bis-23", "art_122-bis-24", "art_122-bis-25", "art_122-bis-26",
    "art_122-bis-27", "art_122-bis-28", "art_122-bis-29", "art_122-bis-30", "art_122-bis-31",
    "art_122-bis-32", "art_122-bis-33", "art_122-bis-34", "art_122-bis-35", "art_123", "art_124",
    "art_125", "art_126", "art_127", "art_128", "art_129", "art_130", "art_131", "art_132", "art_133",
    "art_134", "art_134-bis", "art_134-bis-1", "art_134-bis-2", "art_134-bis-3", "art_134-bis-4",
    "art_135", "art_136", "art_137", "art_137-bis", "art_138", "art_139", "art_140", "art_140-bis",
    "art_141", "art_142", "art_143", "art_143-bis", "art_144", "art_145", "art_146", "art_147",
    "art_148", "art_149", "art_150", "art_151", "art_152", "art_153", "art_154", "art_155", "art_156",
    "art_157", "art_158", "art_159", "art_160", "art_161", "art_162", "art_163", "art_164", "art_165",
    "art_166", "art_167", "art_168", "art_169", "art_170", "art_171", "art_172", "art_173", "art_174",
    "art_175", "art_176", "art_177", "art_178", "art_179", "art_180", "art_181", "art_182", "art_183",
    "art_184", "art_185", "art_186", "art_187", "art_188", "art_189", "art_190", "art_191", "art_192",
    "art_193", "art_194", "art_195", "art_196", "art_197", "art_198", "art_199", "art_200", "art_201",
    "art_202", "art_203", "art_204", "art_205", "art_206", "art_207", "art_208", "art_209", "art_210",
    "art_211", "art_212", "art_213", "art_214", "art_215", "art_216", "art_217", "art_218", "art_219",
    "art_220", "art_221", "art_222", "art_223", "art_224", "art_225", "art_226", "art_227", "art_228",
    "art_229", "art_230", "art_231", "art_232", "art_233", "art_234", "art_235", "art_236", "art_237",
    "art_238", "art_239", "art_240", "art_241", "art_242", "art_243", "art_244", "art_245", "art_246",
    "art_247", "art_248", "art_249", "art_250", "art_251", "art_252", "art_253", "art_254", "art_255",
    "art_256", "art_257", "art_258", "art_259", "art_260", "art_261", "art_262", "art_263", "art_264",
    "art_265", "art_266", "art_267", "art_268", "art_269", "art_270", "art_271", "art_272", "art_273",
    "art_274", "art_275", "art_276", "art_277", "art_278", "art_279", "art_280", "art_281",
)

CCOM_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_4", "art_5", "art_6", "art_6-bis", "art_7", "art_8", "art_9",
    "art_10", "art_11", "art_12", "art_13", "art_14", "art_15", "art_16", "art_17", "art_18", "art_19",
    "art_20", "art_20-bis", "art_21", "art_21-bis", "art_21-bis-1", "art_22", "art_23", "art_24",
    "art_25", "art_26", "art_27", "art_28", "art_29", "art_30", "art_30-bis", "art_30-bis-1", "art_31",
    "art_32", "art_32-bis", "art_32-bis-1", "art_32-bis-2", "art_32-bis-3", "art_32-bis-4",
    "art_32-bis-5", "art_32-bis-6", "art_32-bis-7", "art_32-bis-8", "art_32-bis-9", "art_33", "art_34",
    "art_35", "art_36", "art_37", "art_38", "art_39", "art_40", "art_41", "art_42", "art_43", "art_44",
    "art_45", "art_46", "art_46-bis", "art_47", "art_48", "art_49", "art_50", "art_50-bis", "art_51",
    "art_52", "art_53", "art_54", "art_55", "art_56", "art_57", "art_58", "art_59", "art_60", "art_61",
    "art_62", "art_63", "art_64", "art_65", "art_66", "art_67", "art_68", "art_69", "art_70", "art_71",
    "art_72", "art_73", "art_74", "art_75", "art_76", "art_77", "art_78", "art_79", "art_80", "art_81",
    "art_82", "art_83", "art_84", "art_85", "art_86", "art_87", "art_88", "art_89", "art_89-bis",
    "art_90", "art_90-bis", "art_91", "art_91-bis", "art_92", "art_93", "art_93-bis", "art_94",
    "art_95", "art_95-bis-1", "art_95-bis-2", "art_95-bis-3", "art_95-bis-4", "art_95-bis-5",
    "art_95-bis-6", "art_96", "art_97", "art_98", "art_99", "art_100", "art_101", "art_102", "art_103",
    "art_104", "art_105", "art_106", "art_107", "art_108", "art_109", "art_110", "art_111", "art_112",
    "art_113", "art_114", "art_115", "art_116", "art_117", "art_118", "art_119", "art_120", "art_121",
    "art_122", "art_123", "art_124", "art_125", "art_126", "art_127", "art_128", "art_129", "art_130",
    "art_131", "art_132", "art_133", "art_134", "art_135", "art_136", "art_137", "art_138", "art_139",
    "art_140", "art_141", "art_142", "art_143", "art_144", "art_145", "art_146", "art_147", "art_148",
    "art_149", "art_150", "art_151", "art_152", "art_153", "art_154", "art_155", "art_156", "art_157",
    "art_158", "art_159", "art_160", "art_161", "art_162", "art_163", "art_164", "art_165", "art_166",
    "art_167", "art_168", "art_169", "art_170", "art_171", "art_172", "art_173", "art_174", "art_175",
    "art_176", "art_177", "art_178", "art_179", "art_180", "art_181", "art_182", "art_183", "art_184",
    "art_185", "art_186", "art_187", "art_188", "art_189", "art_190", "art_191", "art_192", "art_193",
    "art_194", "art_195", "art_196", "art_197", "art_198", "art_199", "art_200", "art_201", "art_202",
    "art_203", "art_204", "art_205", "art_206", "art_207", "art_208", "art_209", "art_210", "art_211",
    "art_212", "art_213", "art_214", "art_215", "art_216", "art_217", "art_218", "art_219", "art_220",
    "art_221", "art_222", "art_223", "art_224", "art_225", "art_226", "art_227", "art_228", "art_229",
    "art_230", "art_231", "art_232", "art_233", "art_234", "art_235", "art_236", "art_237", "art_238",
    "art_239", "art_240", "art_241", "art_242", "art_243", "art_244", "art_245", "art_246", "art_247",
    "art_248", "art_249", "art_250", "art_251", "art_252", "art_253", "art_254", "art_255", "art_256",
    "art_257", "art_258", "art_259", "art_260", "art_261", "art_262", "art_263", "art_264", "art_265",
    "art_266", "art_267", "art_268", "art_269", "art_270", "art_271", "art_272", "art_273", "art_274",
    "art_275", "art_276", "art_277", "art_278", "art_279", "art_280", "art_281", "art_282", "art_283",
    "art_284", "art_285", "art_286", "art_287", "art_288", "art_289", "art_290", "art_291", "art_292",
    "art_293", "art_294", "art_295", "art_296", "art_297", "art_298", "art_299", "art_300", "art_301",
    "art_302", "art_303", "art_304", "art_305", "art_306", "art_307", "art_308", "art_309", "art_310",
    "art_311", "art_312", "art_313", "art_314", "art_315", "art_316", "art_317", "art_318", "art_319",
    "art_320", "art_321", "art_322", "art_323", "art_324", "art_325", "art_326", "art_327", "art_328",
    "art_329", "art_330", "art_331", "art_332", "art_333", "art_334", "art_335", "art_336", "art_337",
    "art_338", "art_339", "art_340", "art_341", "art_342", "art_343", "art_344", "art_345", "art_346",
    "art_347", "art_348", "art_349", "art_350", "art_351", "art_352", "art_353", "art_354", "art_355",
    "art_356", "art_357", "art_358", "art_359", "art_360", "art_361", "art_362", "art_363", "art_364",
    "art_365", "art_366", "art_367", "art_368", "art_369", "art_370", "art_371", "art_372", "art_373",
    "art_374", "art_375", "art_376", "art_377", "art_378", "art_379", "art_380", "art_381", "art_382",
    "art_383", "art_384", "art_385", "art_386", "art_387", "art_388", "art_389", "art_390", "art_391",
    "art_392", "art_393", "art_394", "art_395", "art_396", "art_397", "art_398", "art_399", "art_400",
    "art_401", "art_402", "art_403", "art_404", "art_405", "art_406", "art_407", "art_408", "art_409",
    "art_410", "art_411", "art_412", "art_413", "art_414", "art_415", "art_416", "art_417", "art_418",
    "art_419", "art_420", "art_421", "art_422", "art_423", "art_424", "art_425", "art_426", "art_427",
    "art_428", "art_429", "art_430", "art_431", "art_432", "art_433", "art_434", "art_435", "art_436",
    "art_437", "art_438", "art_439", "art_440", "art_441", "art_442", "art_443", "art_444", "art_445",
    "art_446", "art_447", "art_448", "art_449", "art_450", "art_451", "art_452", "art_453", "art_454",
    "art_455", "art_456", "art_457", "art_458", "art_459", "art_460", "art_461", "art_462", "art_463",
    "art_464", "art_465", "art_466", "art_467", "art_468", "art_469", "art_470", "art_471", "art_472",
    "art_473", "art_474", "art_475", "art_476", "art_477", "art_478", "art_479", "art_480", "art_481",
    "art_482", "art_483", "art_484", "art_485", "art_486", "art_487", "art_488", "art_489", "art_490",
    "art_491", "art_492", "art_493", "art_494", "art_495", "art_496", "art_497", "art_498", "art_499",
    "art_500", "art_501", "art_502", "art_503", "art_504", "art_505", "art_506", "art_507", "art_508",
    "art_509", "art_510", "art_511", "art_512", "art_513", "art_514", "art_515", "art_516", "art_517",
    "art_518", "art_519", "art_520", "art_521", "art_522", "art_523", "art_524", "art_525", "art_526",
    "art_527", "art_528", "art_529", "art_530", "art_531", "art_532", "art_533", "art_534", "art_535",
    "art_536", "art_537", "art_538", "art_539", "art_540", "art_541", "art_542", "art_543", "art_544",
    "art_545", "art_546", "art_547", "art_548", "art_549", "art_550", "art_551", "art_552", "art_553",
    "art_554", "art_555", "art_556", "art_557", "art_558", "art_559", "art_560", "art_561", "art_562",
    "art_563", "art_564", "art_565", "art_566", "art_567", "art_568", "art_569", "art_570", "art_571",
    "art_572", "art_573", "art_574", "art_575", "art_576", "art_577", "art_578", "art_579", "art_580",
    "art_581", "art_582", "art_583", "art_584", "art_585", "art_586", "art_587", "art_588", "art_589",
    "art_590", "art_591", "art_592", "art_593", "art_594", "art_595", "art_596", "art_597", "art_598",
    "art_599", "art_600", "art_601", "art_602", "art_603", "art_604", "art_605", "art_606", "art_607",
    "art_608", "art_609", "art_610", "art_611", "art_612", "art_613", "art_614", "art_615", "art_616",
    "art_617", "art_618", "art_619", "art_620", "art_621", "art_622", "art_623", "art_624", "art_625",
    "art_626", "art_627", "art_628", "art_629", "art_630", "art_631", "art_632", "art_633", "art_634",
    "art_635", "art_636", "art_637", "art_638", "art_639", "art_640", "art_641", "art_642", "art_643",
    "art_644", "art_645", "art_646", "art_647", "art_648", "art_649", "art_650", "art_651", "art_652",
    "art_653", "art_654", "art_655", "art_656", "art_657", "art_658", "art_659", "art_660", "art_661",
    "art_662", "art_663", "art_664", "art_665", "art_666", "art_667", "art_668", "art_669", "art_670",
    "art_671", "art_672", "art_673", "art_674", "art_675", "art_676", "art_677", "art_678", "art_679",
    "art_680", "art_681", "art_682", "art_683", "art_684", "art_685", "art_686", "art_687", "art_688",
    "art_689", "art_690", "art_691", "art_692", "art_693", "art_694", "art_695", "art_696", "art_697",
    "art_698", "art_699", "art_700", "art_701", "art_702", "art_703", "art_704", "art_705", "art_706",
    "art_707", "art_708", "art_709", "art_710", "art_711", "art_712", "art_713", "art_714", "art_715",
    "art_716", "art_717", "art_718", "art_719", "art_720", "art_721", "art_722", "art_723", "art_724",
    "art_725", "art_726", "art_727", "art_728", "art_729", "art_730", "art_731", "art_732", "art_733",
    "art_734", "art_735", "art_736", "art_737", "art_738", "art_739", "art_740", "art_741", "art_742",
    "art_743", "art_744", "art_745", "art_746", "art_747", "art_748", "art_749", "art_750", "art_751",
    "art_752", "art_753", "art_754", "art_755", "art_756", "art_757", "art_758", "art_759", "art_760",
    "art_761", "art_762", "art_763", "art_764", "art_765", "art_766", "art_767", "art_768", "art_769",
    "art_770", "art_771", "art_772", "art_773", "art_774", "art_775", "art_776", "art_777", "art_778",
    "art_779", "art_780", "art_781", "art_782", "art_783", "art_784", "art_785", "art_786", "art_787",
    "art_788", "art_789", "art_790", "art_791", "art_792", "art_793", "art_794", "art_795", "art_796",
    "art_797", "art_798", "art_799", "art_800", "art_801", "art_802", "art_803", "art_804", "art_805",
    "art_806", "art_807", "art_808", "art_809", "art_810", "art_811", "art_812", "art_813", "art_814",
    "art_815", "art_816", "art_817", "art_818", "art_819", "art_820", "art_821", "art_822", "art_823",
    "art_824", "art_825", "art_826", "art_827", "art_828", "art_829", "art_830", "art_831", "art_832",
    "art_833", "art_834", "art_835", "art_836", "art_837", "art_838", "art_839", "art_840", "art_841",
    "art_842", "art_843", "art_844", "art_845", "art_846", "art_847", "art_848", "art_849", "art_850",
    "art_851", "art_852", "art_853", "art_854", "art_855", "art_856", "art_857", "art_858", "art_859",
    "art_860", "art_861", "art_862", "art_863", "art_864", "art_865", "art_866", "art_867", "art_868",
    "art_869", "art_870", "art_871", "art_872", "art_873", "art_874", "art_875", "art_876", "art_877",
    "art_878", "art_879", "art_880", "art_881", "art_882", "art_883", "art_884", "art_885", "art_886",
    "art_887", "art_888", "art_889", "art_890", "art_891", "art_892", "art_893", "art_894", "art_895",
    "art_896", "art_897", "art_898", "art_899", "art_900", "art_901", "art_902", "art_903", "art_904",
    "art_905", "art_906", "art_907", "art_908", "art_909", "art_910", "art_911", "art_912", "art_913",
    "art_914", "art_915", "art_916", "art_917", "art_918", "art_919", "art_920", "art_921", "art_922",
    "art_923", "art_924", "art_925", "art_926", "art_927", "art_928", "art_929", "art_930", "art_931",
    "art_932", "art_933", "art_934", "art_935", "art_936", "art_937", "art_938", "art_939", "art_940",
    "art_941", "art_942", "art_943", "art_944", "art_945", "art_946", "art_947", "art_948", "art_949",
    "art_950", "art_951", "art_952", "art_953", "art_954", "art_955", "art_956", "art_957", "art_958",
    "art_959", "art_960", "art_961", "art_962", "art_963", "art_964", "art_965", "art_966", "art_967",
    "art_968", "art_969", "art_970", "art_971", "art_972", "art_973", "art_974", "art_975", "art_976",
    "art_977", "art_978", "art_979", "art_980", "art_981", "art_982", "art_983", "art_984", "art_985",
    "art_986", "art_987", "art_988", "art_989", "art_990", "art_991", "art_992", "art_993", "art_994",
    "art_995", "art_996", "art_997", "art_998", "art_999", "art_1000", "art_1001", "art_1002",
    "art_1003", "art_1004", "art_1005", "art_1006", "art_1007", "art_1008", "art_1009", "art_1010",
    "art_1011", "art_1012", "art_1013", "art_1014", "art_1015", "art_1016", "art_1017", "art_1018",
    "art_1019", "art_1020", "art_1021", "art_1022", "art_1023", "art_1024", "art_1025", "art_1026",
    "art_1027", "art_1028", "art_1029", "art_1030", "art_1031", "art_1032", "art_1033", "art_1034",
    "art_1035", "art_1036", "art_1037", "art_1038", "art_1039", "art_1040", "art_1041", "art_1042",
    "art_1043", "art_1044", "art_1045", "art_1046", "art_1047", "art_1048", "art_1049", "art_1050",
    "art_1051", "art_1052", "art_1053", "art_1054", "art_1055", "art_1055-bis", "art_1056", "art_1057",
    "art_1058", "art_1059", "art_1060", "art_1061", "art_1061-bis", "art_1062", "art_1063", "art_1064",
    "art_1065", "art_1066", "art_1067", "art_1067-bis", "art_1068", "art_1068-bis", "art_1069",
    "art_1070", "art_1070-bis", "art_1071", "art_1072", "art_1073", "art_1074", "art_1075", "art_1076",
    "art_1077", "art_1078", "art_1079", "art_1080", "art_1081", "art_1082", "art_1083", "art_1084",
    "art_1085", "art_1086", "art_1087", "art_1088", "art_1089", "art_1090", "art_1091", "art_1092",
    "art_1093", "art_1094", "art_1095", "art_1096", "art_1097", "art_1097-bis", "art_1098", "art_1099",
    "art_1100", "art_1101", "art_1102", "art_1103", "art_1104", "art_1105", "art_1106", "art_1107",
    "art_1108", "art_1109", "art_1110", "art_1111", "art_1112", "art_1113", "art_1114", "art_1115",
    "art_1116", "art_1117", "art_1118", "art_1119", "art_1120", "art_1121", "art_1122", "art_1123",
    "art_1124", "art_1125", "art_1126", "art_1127", "art_1128", "art_1129", "art_1130", "art_1131",
    "art_1132", "art_1133", "art_1134", "art_1135", "art_1136", "art_1137", "art_1138", "art_1139",
    "art_1140", "art_1141", "art_1142", "art_1143", "art_1144", "art_1145", "art_1146", "art_1147",
    "art_1148", "art_1149", "art_1150", "art_1151", "art_1152", "art_1153", "art_1154", "art_1155",
    "art_1156", "art_1157", "art_1158", "art_1159", "art_1160", "art_1161", "art_1162", "art_1163",
    "art_1164", "art_1165", "art_1166", "art_1167", "art_1168", "art_1169", "art_1170", "art_1171",
    "art_1172", "art_1173", "art_1174", "art_1175", "art_1176", "art_1177", "art_1178", "art_1179",
    "art_1180", "art_1181", "art_1182", "art_1183", "art_1184", "art_1185", "art_1186", "art_1187",
    "art_1188", "art_1189", "art_1190", "art_1191", "art_1192", "art_1193", "art_1194", "art_1195",
    "art_1196", "art_1197", "art_1198", "art_1199", "art_1200", "art_1201", "art_1202", "art_1203",
    "art_1204", "art_1205", "art_1206", "art_1207", "art_1208", "art_1209", "art_1210", "art_1211",
    "art_1212", "art_1213", "art_1214", "art_1215", "art_1216", "art_1217", "art_1218", "art_1219",
    "art_1220", "art_1221", "art_1222", "art_1223", "art_1224", "art_1225", "art_1226", "art_1227",
    "art_1228", "art_1229", "art_1230", "art_1231", "art_1232", "art_1233", "art_1234", "art_1235",
    "art_1236", "art_1237", "art_1238", "art_1239", "art_1240", "art_1241", "art_1242", "art_1243",
    "art_1244", "art_1245", "art_1246", "art_1247", "art_1248", "art_1249", "art_1250", "art_1250-bis",
    "art_1250-bis-1", "art_1251", "art_1252", "art_1253", "art_1254", "art_1255", "art_1256",
    "art_1257", "art_1258", "art_1259", "art_1260", "art_1261", "art_1262", "art_1263", "art_1264",
    "art_1265", "art_1266", "art_1267", "art_1268", "art_1269", "art_1270", "art_1271", "art_1272",
    "art_1273", "art_1274", "art_1275", "art_1276", "art_1277", "art_1278", "art_1279", "art_1280",
    "art_1281", "art_1282", "art_1283", "art_1284", "art_1285", "art_1286", "art_1287", "art_1288",
    "art_1289", "art_1290", "art_1291", "art_1292", "art_1293", "art_1294", "art_1295", "art_1296",
    "art_1297", "art_1298", "art_1298-a", "art_1299", "art_1300", "art_1301", "art_1302", "art_1303",
    "art_1304", "art_1305", "art_1306", "art_1307", "art_1308", "art_1309", "art_1310", "art_1311",
    "art_1312", "art_1313", "art_1314", "art_1315", "art_1316", "art_1317", "art_1318", "art_1319",
    "art_1320", "art_1321", "art_1322", "art_1323", "art_1324", "art_1325", "art_1326", "art_1327",
    "art_1328", "art_1329", "art_1330", "art_1331", "art_1332", "art_1333", "art_1334", "art_1335",
    "art_1336", "art_1337", "art_1338", "art_1339", "art_1339-bis", "art_1340", "art_1341", "art_1342",
    "art_1343", "art_1344", "art_1345", "art_1345-bis", "art_1345-bis-1", "art_1345-bis-2",
    "art_1345-bis-3", "art_1345-bis-4", "art_1345-bis-5", "art_1345-bis-6", "art_1345-bis-7",
    "art_1345-bis-8", "art_1346", "art_1347", "art_1347-a", "art_1348", "art_1349", "art_1350",
    "art_1351", "art_1352", "art_1353", "art_1354", "art_1355", "art_1356", "art_1357", "art_1358",
    "art_1359", "art_1360", "art_1361", "art_1362", "art_1363", "art_1364", "art_1365", "art_1366",
    "art_1367", "art_1368", "art_1369", "art_1370", "art_1371", "art_1372", "art_1373", "art_1374",
    "art_1375", "art_1376", "art_1376-bis", "art_1377", "art_1378", "art_1379", "art_1380", "art_1381",
    "art_1382", "art_1383", "art_1384", "art_1385", "art_1386", "art_1387", "art_1388", "art_1389",
    "art_1390", "art_1390-bis", "art_1390-bis-1", "art_1390-bis-2", "art_1390-bis-3", "art_1390-bis-4",
    "art_1390-bis-5", "art_1390-bis-6", "art_1390-bis-7", "art_1390-bis-8", "art_1390-bis-9",
    "art_1390-bis-10", "art_1390-bis-11", "art_1390-bis-12", "art_1390-bis-13", "art_1390-bis-14",
    "art_1390-bis-15", "art_1390-bis-16", "art_1390-bis-17", "art_1390-bis-18", "art_1390-bis-19",
    "art_1390-bis-20", "art_1390-bis-21", "art_1390-bis-22", "art_1390-bis-23", "art_1390-bis-24",
    "art_1390-bis-25", "art_1390-bis-26", "art_1390-bis-27", "art_1390-bis-28", "art_1390-bis-29",
    "art_1390-bis-30", "art_1390-bis-31", "art_1390-bis-32", "art_1390-bis-33", "art_1390-bis-34",
    "art_1390-bis-35", "art_1390-bis-36", "art_1390-bis-37", "art_1390-bis-38", "art_1390-bis-39",
    "art_1390-bis-40", "art_1390-bis-41", "art_1390-bis-42", "art_1390-bis-43", "art_1390-bis-44",
    "art_1390-bis-45", "art_1390-bis-46", "art_1390-bis-47", "art_1390-bis-48", "art_1390-bis-49",
    "art_1390-bis-50", "art_1390-ter", "art_1390-ter-1", "art_1390-ter-2", "art_1390-ter-3",
    "art_1390-ter-4", "art_1390-ter-5", "art_1390-ter-6", "art_1390-ter-7", "art_1390-ter-8",
    "art_1390-ter-9", "art_1390-ter-10", "art_1390-ter-11", "art_1390-ter-12", "art_1390-ter-13",
    "art_1390-ter-14", "art_1390-ter-15", "art_1391", "art_1392", "art_1393", "art_1394", "art_1395",
    "art_1396", "art_1397", "art_1398", "art_1399", "art_1400", "art_1401", "art_1402", "art_1403",
    "art_1404", "art_1405", "art_1406", "art_1407", "art_1407-bis", "art_1408", "art_1409", "art_1410",
    "art_1411", "art_1412", "art_1412-bis", "art_1412-bis-1", "art_1412-bis-2", "art_1413", "art_1414",
    "art_1414-bis", "art_1414-bis-1", "art_1414-bis-2", "art_1414-bis-3", "art_1414-bis-4",
    "art_1414-bis-5", "art_1414-bis-6", "art_1414-bis-7", "art_1414-bis-8", "art_1414-bis-9",
    "art_1414-bis-10", "art_1414-bis-11", "art_1414-bis-12", "art_1414-bis-13", "art_1414-bis-14",
    "art_1414-bis-15", "art_1414-bis-16", "art_1414-bis-17", "art_1414-bis-18", "art_1414-bis-19",
    "art_1414-bis-20", "art_1415", "art_1416", "art_1417", "art_1418", "art_1419", "art_1420",
    "art_1421", "art_1422", "art_1423", "art_1424", "art_1425", "art_1426", "art_1427", "art_1428",
    "art_1429", "art_1430", "art_1431", "art_1432", "art_1433", "art_1434", "art_1435", "art_1436",
    "art_1437", "art_1438", "art_1439", "art_1440", "art_1441", "art_1442", "art_1443", "art_1444",
    "art_1445", "art_1446", "art_1447", "art_1448", "art_1449", "art_1450", "art_1451", "art_1452",
    "art_1453", "art_1454", "art_1455", "art_1456", "art_1457", "art_1458", "art_1459", "art_1460",
    "art_1461", "art_1462", "art_1463", "art_1464", "art_1465", "art_1466", "art_1467", "art_1468",
    "art_1469", "art_1470", "art_1471", "art_1472", "art_1473", "art_1474", "art_1475", "art_1476",
    "art_1477", "art_1478", "art_1479", "art_1480", "art_1481", "art_1482", "art_1483", "art_1484",
    "art_1485", "art_1486", "art_1487", "art_1488", "art_1489", "art_1490", "art_1491", "art_1492",
    "art_1493", "art_1494", "art_1495", "art_1496", "art_1497", "art_1498", "art_1499", "art_1500",
)

LAMP_LABELS: tuple[str, ...] = (
    "art_1", "art_2", "art_3", "art_4", "art_5", "art_6", "art_7", "art_8", "art_9", "art_10", "art_11",
    "art_12", "art_13", "art_14", "art_15", "art_16", "art_17", "art_18", "art_19", "art_20", "art_21",
    "art_22", "art_23", "art_24", "art_25", "art_26", "art_27", "art_28", "art_29", "art_30", "art_31",
    "art_32", "art_33", "art_34", "art_35", "art_36", "art_37", "art_38", "art_39", "art_40", "art_41",
    "art_42", "art_43", "art_44", "art_45", "art_46", "art_47", "art_48", "art_49", "art_50", "art_51",
    "art_52", "art_53", "art_54", "art_55", "art_56", "art_57", "art_58", "art_59", "art_60", "art_61",
    "art_62", "art_63", "art_64", "art_65", "art_66", "art_67", "art_68", "art_69", "art_70", "art_71",
    "art_72", "art_73", "art_74", "art_75", "art_76", "art_77", "art_78", "art_79", "art_80",
    "art_80-bis", "art_81", "art_82", "art_83", "art_84", "art_85", "art_86", "art_87", "art_88",
    "art_89", "art_90", "art_91", "art_92", "art_93", "art_94", "art_95", "art_96", "art_97", "art_98",
    "art_99", "art_100", "art_101", "art_102", "art_103", "art_104", "art_105", "art_106", "art_107",
    "art_108", "art_109", "art_110", "art_111", "art_112", "art_113", "art_114", "art_115", "art_116",
    "art_117", "art_118", "art_119", "art_120", "art_121", "art_122", "art_123", "art_124", "art_125",
    "art_126", "art_127", "art_128", "art_129", "art_130", "art_131", "art_132", "art_133", "art_134",
    "art_135", "art_136", "art_137", "art_138", "art_139", "art_140", "art_141", "art_142", "art_143",
    "art_144", "art_145", "art_146", "art_147", "art_148", "art_149", "art_150", "art_151", "art_152",
    "art_153", "art_154", "art_155", "art_156", "art_157", "art_158", "art_159", "art_160", "art_161",
    "art_162", "art_163", "art_164", "art_165", "art_166", "art_167", "art_168", "art_169", "art_170",
    "art_171", "art_172", "art_173", "art_174", "art_175", "art_176", "art_177", "art_178", "art_179",
    "art_180", "art_181", "art_182", "art_183", "art_184", "art_185", "art_186", "art_187", "art_188",
    "art_189", "art_190", "art_191", "art_192", "art_193", "art_194", "art_195", "art_196", "art_197",
    "art_198", "art_199", "art_200", "art_201", "art_202", "art_203", "art_204", "art_205", "art_206",
    "art_207", "art_208", "art_209", "art_210", "art_211", "art_212", "art_213", "art_214", "art_215",
    "art_216", "art_217", "art_218", "art_219", "art_220", "art_221", "art_222", "art_223", "art_224",
    "art_225", "art_226", "art_227", "art_228", "art_229", "art_230", "art_231", "art_232", "art_233",
    "art_234", "art_235", "art_236", "art_237", "art_238", "art_239", "art_240", "art_241", "art_242",
    "art_243", "art_244", "art_245", "art_246", "art_247", "art_248", "art_249", "art_250", "art_251",
    "art_252", "art_253", "art_254", "art_255", "art_256", "art_257", "art_258", "art_259", "art_260",
    "art_261", "art_262", "art_263", "art_264", "art_265", "art_266", "art_267", "art_268", "art_269",
    "art_270", "art_271",
)

LIVA_LABELS: tuple[str, ...] = (
    "art_1", "art_1-a", "art_1-a-bis", "art_1-b", "art_1-c", "art_2", "art_2-a", "art_2-b", "art_2-c",
    "art_2-d", "art_3", "art_4", "art_4-a", "art_4-b", "art_4-c", "art_5", "art_5-a", "art_5-b",
    "art_5-c", "art_5-d", "art_5-e", "art_5-f", "art_6", "art_7", "art_8", "art_9", "art_10", "art_11",
    "art_12", "art_13", "art_14", "art_15", "art_16", "art_17", "art_18", "art_18-a", "art_18-b",
    "art_18-c", "art_18-d", "art_18-e", "art_18-f", "art_18-g", "art_18-h", "art_18-h-bis",
    "art_18-h-ter", "art_18-h-quater", "art_18-h-quintus", "art_18-i", "art_18-j", "art_18-k",
    "art_18-l", "art_18-m", "art_19", "art_20", "art_21", "art_22", "art_23", "art_24", "art_25",
    "art_26", "art_27", "art_28", "art_28-a", "art_29", "art_30", "art_31", "art_32", "art_33",
    "art_34", "art_35", "art_35-a", "art_35-b", "art_36", "art_37", "art_38", "art_39", "art_40",
    "art_41", "art_42", "art_43",
)


# --- Código Fiscal de la Federación (DOF 14-11-2025) ----------------------------------------------
# Body lines 21 ("Artículo 1o.-") .. 11281 ("TRANSITORIOS"); appendix heading at 11351. 421 articles:
# SOURCES.md's hand count confirmed. Doubtful: 10575 "Artículo 192 de este Código." is the end of
# fracción III of art. 196 wrapped onto a new line (a cross-reference, not a heading). 84 derogated:
# 77 "(Se deroga).", 4 "(Se deroga)", 2 "Se deroga.", 1 "(Derogado)." (70 Bis, line 6665).
# Transitorios: "Artículo Primero.-" .. "Artículo Décimo Primero.-" (11282-11328) = 11.
CFF_SPOTS = (
    Spot("art_1", line=21, starts="Las personas físicas y las morales,",
         ends="en forma expresa las propias leyes."),
    # "17-H Bis": letter + Latin; fracciones IV and X "Se deroga."; page breaks at 1005-1009, 1053-1057.
    Spot("art_17-h-bis", line=1000, starts="Tratándose de certificados de sello digital",
         ends="efectos los certificados de sello digital.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vii", "frac_viii",
                "frac_ix", "frac_x", "frac_xi", "frac_xii", "frac_xiii", "frac_xiii__inc_a",
                "frac_xiii__inc_b", "frac_xiv")),
    # "20-Bis" with a hyphen, next to art. 20; fracción II straddles pages 1426 / 1432.
    Spot("art_20-bis", line=1418, starts="El Índice Nacional de Precios al",
         ends="Índice Nacional de Precios al Consumidor.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v")),
    Spot("art_29-a-bis", line=2828, starts="Cuando las autoridades fiscales se encuentren",
         ends="inciso g), ambos del presente Código."),
    Spot("art_32-b-ter", line=3353, starts="Las personas morales, las fiduciarias, los",
         ends="sistema financiero relativa a beneficiarios controladores."),
    # 70-A comes before 70 Bis in the code.
    Spot("art_70-a", line=6616, starts="Cuando con motivo del ejercicio de",
         ends="podrán ser impugnadas por los particulares.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vii")),
    Spot("art_70-bis", line=6665, starts="(Derogado).", ends="(Derogado)."),
    # The last article, the line before "TRANSITORIOS".
    Spot("art_263", line=11280, starts="(Se deroga).", ends="(Se deroga)."),
)

# --- Código Nacional de Procedimientos Penales (DOF 28-11-2025) -----------------------------------
# Body 23 .. 6156; appendix 6266. 490 articles (SOURCES.md confirmed), every heading "Artículo N.
# Epígrafe" with the text on the next line. "Artículo Único.- Se expide el Código …" (line 16) is the
# enacting decree, before the code's title: not an article of the code. No article is derogated (the
# only "Se deroga." is fracción VII at 3488). Transitorios: "ARTÍCULO PRIMERO. Declaratoria" ..
# "ARTÍCULO DÉCIMO TERCERO. Revisión legislativa" = 13, uppercase ordinals with epigraphs.
CNPP_SPOTS = (
    Spot("art_1", line=23, heading="Ámbito de aplicación", starts="Las disposiciones de este Código son",
         ends="que el Estado mexicano sea parte."),
    # Glosario: fracciones I-XVII across two page breaks (37-41, 81-85).
    Spot("art_3", line=35, heading="Glosario", starts="Para los efectos de este Código,",
         ends="federal o de las Entidades federativas.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vii", "frac_viii",
                "frac_ix", "frac_x", "frac_xi", "frac_xii", "frac_xiii", "frac_xiv", "frac_xv", "frac_xvi",
                "frac_xvii")),
    Spot("art_70", line=800, heading="Firma", starts="Las resoluciones escritas serán firmadas por",
         ends="responsabilidad disciplinaria a que haya lugar."),
    # Fracción I's incisos open after a page break (2897-2901); a título follows the article.
    Spot("art_211", line=2894, heading="Etapas del procedimiento penal",
         starts="El procedimiento penal comprende las siguientes", ends="y terminará con la sentencia firme.",
         units=("frac_i", "frac_i__inc_a", "frac_i__inc_b", "frac_ii", "frac_iii")),
    Spot("art_256", line=3461, heading="Casos en que operan los criterios de oportunidad",
         starts="Iniciada la investigación y previo análisis",
         ends="en términos de la normatividad aplicable.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vii")),
    Spot("art_490", line=6152, heading="Indemnización", starts="En caso de que se dicte",
         ends="de sus herederos, según el caso."),
)

# --- Ley Federal del Trabajo (DOF 21-02-2025) ------------------------------------------------------
# Body 19 .. 17997; appendix 18127. 1,264 articles (SOURCES.md confirmed), 148 derogated (102 "Se
# deroga.", 44 "(Se deroga).", 2 "Se deroga"). Art. 513 runs from 6511 to 11731: the tables of
# enfermedades de trabajo and of valuación de incapacidades, incl. the audiogram steps "Primero." ..
# "Quinto." (11054-11086), which are not transitorios. Transitorios: "Artículo 1º.-" .. "Artículo
# 13.-" (17998-18075) = 13.
LFT_SPOTS = (
    Spot("art_1", line=19, starts="La presente Ley es de observancia",
         ends="123, Apartado A, de la Constitución."),
    # "Artículo 3o. Bis.-": ordinal mark, then the Latin qualifier after ". ".
    Spot("art_3-bis", line=61, starts="Para efectos de esta Ley se", ends="realice en uno o varios eventos.",
         units=("inc_a", "inc_b")),
    # 39 fracciones with Bis ones between (XVI Bis, XIX Bis, XXIII Bis, XXVI Bis, XXVII Bis, XXIX Bis).
    Spot("art_132", line=1425, starts="Son obligaciones de las personas empleadoras:",
         ends="artículos 390 Ter y 400 Bis.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vii", "frac_viii",
                "frac_ix", "frac_x", "frac_xi", "frac_xii", "frac_xiii", "frac_xiv", "frac_xv", "frac_xvi",
                "frac_xvi-bis", "frac_xvii", "frac_xviii", "frac_xix", "frac_xix-bis", "frac_xx", "frac_xxi",
                "frac_xxii", "frac_xxiii", "frac_xxiii-bis", "frac_xxiv", "frac_xxv", "frac_xxvi",
                "frac_xxvi-bis", "frac_xxvii", "frac_xxvii-bis", "frac_xxviii", "frac_xxix", "frac_xxix-bis",
                "frac_xxx", "frac_xxxi", "frac_xxxii", "frac_xxxiii")),
    Spot("art_353-n", line=4651, starts="No es violatorio del principio de",
         ends="éste corresponde a diferentes categorías académicas."),
    # 353-Ñ right after 353-N: art_353-nn, never a second art_353-n; a page break at 4656-4660.
    Spot("art_353-nn", line=4654, starts="Los sindicatos y las directivas de",
         ends="comprende a ambos tipos de trabajadores.", units=("frac_i", "frac_ii", "frac_iii")),
    Spot("art_513", line=6511, starts="La Secretaría del Trabajo y Previsión",
         ends="el mismo procedimiento que para el cáncer.", units=None),
    Spot("art_1010", line=17995, starts="Las sanciones se harán efectivas por",
         ends="las autoridades que designen las leyes."),
)

# --- Ley de Instituciones de Crédito (DOF 14-11-2025) ----------------------------------------------
# Body 19 .. 10347; appendix 10546. 492 articles (SOURCES.md confirmed). Doubtful: 6201 "Artículo 112
# Sextus.-" (a first version of the census regex lacked "Sextus"; it is a heading). 53 derogated (46
# "Se deroga", 3 "Se deroga.", 2 "(Se deroga)", 1 "(Se deroga).", 1 "(Derogado)"). Transitorios:
# "ARTICULO PRIMERO.-" .. "ARTICULO VIGESIMO.-" (10348-10529, glued "DECIMOPRIMERO") = 20.
LIC_SPOTS = (
    # "5o. Bis 5": ordinal mark, Latin word and a number.
    Spot("art_5-bis-5", line=141, starts="Para efectos de la presente Ley,",
         ends="el mismo día en que venzan."),
    # i) / ii) under incisos a) and b) of fracción VI; a page break at 1156-1160 inside ii).
    Spot("art_28", line=1101, starts="La Comisión Nacional Bancaria y de",
         ends="Ahorro Bancario la declaración de revocación.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vi__inc_a",
                "frac_vi__inc_a__num_i", "frac_vi__inc_a__num_ii", "frac_vi__inc_b", "frac_vi__inc_b__num_i",
                "frac_vi__inc_b__num_ii", "frac_vii", "frac_viii")),
    # Fracción VI: incisos a) b), then two paragraphs of the fracción ("Los límites a que se refiere la
    # presente fracción no serán aplicables cuando:", 2841) introduce i) ii) iii) (2842-2844): they are
    # the fracción's subnumerales, not inciso b)'s, as the words "la presente fracción" say.
    Spot("art_46-bis-1", line=2791, starts="Las instituciones de crédito podrán pactar",
         ends="carácter general que le sean aplicables.",
         units=("frac_i", "frac_ii", "frac_iii", "frac_iv", "frac_v", "frac_vi", "frac_vi__inc_a",
                "frac_vi__inc_b", "frac_vi__num_i", "frac_vi__num_ii", "frac_vi__num_iii", "frac_vii",
                "frac_viii"),
         corrected="the census, blind to indentation, hangs i) ii) iii) from the last inciso"),
    # "99 A.-": the letter without a hyphen.
    Spot("art_99-a", line=4792, starts="Las instituciones de crédito constituirán el",
         ends="igual al importe del capital pagado."),
    Spot("art_112-septimus", line=6209, starts="Se sancionará con prisión de tres",
         ends="a cabo la suplantación de identidad."),
    Spot("art_118-a", line=6706, starts="Se deroga", ends="Se deroga"),
    Spot("art_281", line=10330, starts="En caso de que el resultado",
         ends="aprobados en términos del presente artículo."),
)

# --- Código de Comercio (DOF 14-11-2025) -----------------------------------------------------------
# Body 18 .. 9500 (five libros); appendix 9526. 1,641 articles (SOURCES.md confirmed), 858 derogated
# (847 "(Se deroga).", 8 "Se deroga", 2 "(Se deroga)", 1 "Se Deroga."), the placeholder sometimes on
# the line after a bare "Artículo N.-". Transitorios: "Artículo Primero.-" .. "Artículo Cuarto.-"
# (9501-9509) = 4.
CCOM_SPOTS = (
    Spot("art_1", line=18, starts="Los actos comerciales sólo se regirán",
         ends="y las demás leyes mercantiles aplicables."),
    Spot("art_10", line=72, starts="(Se deroga).", ends="(Se deroga)."),
    Spot("art_21-bis-1", line=258, starts="La prelación entre derechos sobre dos",
         ends="fecha de su constitución o celebración."),
    Spot("art_1390-bis-1", line=7476, starts="No se sustanciarán en este juicio",
         ends="Primero, Libro Quinto de este Código."),
    Spot("art_1390-ter-1", line=8095, starts="La vía indicada en el artículo",
         ends="de noviembre del año en cuestión."),
    Spot("art_1500", line=9498, starts="(Se deroga).", ends="(Se deroga)."),
)

# --- Ley de Amparo (DOF 16-10-2025), pdftotext layout -----------------------------------------------
# Body 52 .. 5343; appendix 5447. 272 articles (as tests/test_real_statutes.py): "Artículo 5o." at 192
# ends with the page's form feed. 5 derogated ("Se deroga."). Transitorios PRIMERO .. DÉCIMO PRIMERO
# (5345-5401) = 11; the enacting decree's "ARTÍCULO SEGUNDO. ……." (5412) ends the run.
LAMP_SPOTS = (
    Spot("art_1", line=52, starts="El juicio de amparo tiene por", ends="casos señalados en la presente Ley.",
         units=("frac_i", "frac_ii", "frac_iii")),
    Spot("art_80-bis", line=2019, starts="La Suprema Corte de Justicia de",
         ends="su interés y trascendencia lo ameriten."),
    Spot("art_271", line=5338, starts="Cuando al concederse definitivamente el amparo",
         ends="conocimiento del Ministerio Público que corresponda."),
)

# --- Ley del IVA (DOF 12-11-2021), pdftotext layout -------------------------------------------------
# Body 38 .. 3172; appendix 3278. 80 articles, 15 derogated ("(Se deroga)."), 5 transitorios
# ("Artículo Primero.-" .. "Artículo Quinto.-"; the "1.-" .. "9.-" list in Segundo is not one).
LIVA_SPOTS = (
    # "Artículo 1o.-A BIS.-": ordinal mark, ".-" and then the qualifiers.
    Spot("art_1-a-bis", line=140, starts="Los contribuyentes residentes en México que",
         ends="18-M de esta Ley, según corresponda."),
    Spot("art_18-h-quater", line=2003, starts="Para los efectos de lo dispuesto",
         ends="aquél en que lo haya realizado."),
    Spot("art_43", line=3075, starts="Las Entidades Federativas podrán establecer impuestos",
         ends="del impuesto sobre la renta federal.", units=("frac_i", "frac_ii", "frac_iii", "frac_iv")),
)

_TEZCA = "consolidated-tezca/"
_CAMARA = "consolidated/"
CODES: dict[str, Code] = {code.key: code for code in (
    Code("cff", _TEZCA + "cff.txt", "CÓDIGO FISCAL DE LA FEDERACIÓN", (21, 11281), CFF_LABELS,
         derogated=84, transitorios=11, spots=CFF_SPOTS, fracciones=1001,
         incisos=295, containers=(0, 6, 11, 8)),
    Code("cnpp", _TEZCA + "cnpp.txt", "CÓDIGO NACIONAL DE PROCEDIMIENTOS PENALES", (23, 6156), CNPP_LABELS,
         derogated=0, transitorios=13, spots=CNPP_SPOTS, fracciones=583,
         incisos=35, containers=(2, 19, 60, 12)),
    Code("lft", _TEZCA + "lft.txt", "LEY FEDERAL DEL TRABAJO", (19, 17997), LFT_LABELS,
         derogated=148, transitorios=13, spots=LFT_SPOTS, fracciones=1695,
         incisos=265, containers=(0, 18, 93, 17)),
    Code("lic", _TEZCA + "lic.txt", "LEY DE INSTITUCIONES DE CRÉDITO", (19, 10347), LIC_LABELS,
         derogated=53, transitorios=20, spots=LIC_SPOTS, fracciones=714,
         incisos=198, containers=(0, 8, 19, 10)),
    Code("ccom", _TEZCA + "ccom.txt", "CÓDIGO DE COMERCIO", (18, 9500), CCOM_LABELS,
         derogated=858, transitorios=4, spots=CCOM_SPOTS, fracciones=594,
         incisos=54, containers=(5, 32, 132, 13)),
    Code("lamp", _CAMARA + "LAmp_ley_de_amparo_diputados_ultima-reforma-DOF-16-10-2025.txt",
         "LEY DE AMPARO, REGLAMENTARIA DE LOS ARTÍCULOS 103 Y 107", (52, 5343), LAMP_LABELS,
         derogated=5, transitorios=11, spots=LAMP_SPOTS, fracciones=293,
         incisos=67, containers=(0, 5, 29, 14)),
    Code("liva", _CAMARA + "LIVA_ley_impuesto_valor_agregado_diputados_ultima-reforma-DOF-12-11-2021.txt",
         "LEY DEL IMPUESTO AL VALOR AGREGADO", (38, 3172), LIVA_LABELS,
         derogated=15, transitorios=5, spots=LIVA_SPOTS, fracciones=155,
         incisos=77, containers=(0, 0, 10, 2)),
)}
