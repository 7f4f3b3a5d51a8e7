/**
 * Word lists the sentence splitter consults at a period followed by a capital. Kept apart from the scanner
 * so they can grow without touching its logic. All entries are lower-case and without the final period.
 */

/** Abbreviations that never end a sentence in news copy: titles ("Dr. Smith") and Latin ones ("e.g. Apple"). */
export const NEVER_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mmes', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col',
  'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'maj', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'atty',
  'st', 'ste', 'mt', 'ft', 'e.g', 'i.e', 'vs', 'v', 'cf', 'approx', 'fig', 'figs', 'viz', 'ca',
]);

/** Abbreviations that only stay inside the sentence when a number follows: "No. 5", "Jan. 12", "pp. 4". */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'p', 'pp',
  'vol', 'vols', 'art', 'ch', 'sec', 'para', 'ed', 'op', 'rt', 'nr',
]);

/**
 * Abbreviations that often end a sentence as well as sit inside one ("Apple Inc. said" / "…Holding Ltd. The
 * company"). Dotted acronyms such as "U.S." and "p.m." behave the same way and are recognised by shape.
 * After these a sentence ends only when the next word is a typical sentence opener.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'etc', 'inc', 'corp', 'co', 'cos', 'ltd', 'llc', 'plc', 'jr', 'sr', 'bros', 'al', 'ave', 'blvd', 'rd', 'esq',
  'dept', 'univ', 'assn', 'est', 'min', 'max', 'mln', 'bln', 'yr', 'yrs', 'hrs', 'mins', 'oz', 'lb', 'lbs',
]);

/** Words that typically open a sentence; after an ambiguous abbreviation they mark a sentence end. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'a', 'after', 'again', 'all', 'also', 'although', 'an', 'and', 'another', 'any', 'as', 'at', 'because',
  'before', 'both', 'but', 'by', 'during', 'each', 'earlier', 'even', 'every', 'few', 'for', 'from', 'further',
  'he', 'her', 'here', 'his', 'how', 'however', 'i', 'if', 'in', 'instead', 'it', 'its', 'last', 'later', 'many',
  'meanwhile', 'more', 'most', 'moreover', 'much', 'my', 'neither', 'never', 'nevertheless', 'no', 'none',
  'nor', 'not', 'now', 'of', 'on', 'one', 'only', 'or', 'other', 'our', 'over', 'she', 'since', 'so', 'some',
  'still', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'thus',
  'to', 'today', 'under', 'unlike', 'until', 'we', 'what', 'when', 'where', 'whether', 'which', 'while', 'who',
  'why', 'with', 'within', 'without', 'yet', 'you', 'your', 'according', 'analysts', 'officials', 'shares',
  'yesterday', 'tomorrow',
]);

/**
 * US state abbreviations in AP style, as written (case matters: "Ill." is Illinois, "ill." is a word). They
 * mostly sit in datelines and addresses ("FREMONT, Calif. — …", "Hartford, Conn., and…"), so they are
 * treated like the ambiguous abbreviations.
 */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md',
  'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt',
  'Wash', 'Wis', 'Wyo',
]);

/** Verbs of attribution: in “…wrong?” Hughes said. the question mark does not end the sentence. */
export const ATTRIBUTION_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'asked', 'asks', 'added', 'adds', 'wrote', 'writes', 'explained', 'noted', 'recalled',
  'replied', 'continued', 'stated', 'tweeted', 'posted', 'insisted', 'warned', 'argued', 'shouted', 'wondered',
]);
