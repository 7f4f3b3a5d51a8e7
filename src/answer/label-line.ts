/** A line this short without closing punctuation is a heading, a label or a credit, not a statement. */
const LABEL_MAX_WORDS = 6;
/** A statement ends like a sentence: ".", "!" or "?", possibly inside closing quotes or brackets. */
const SENTENCE_END = /[.!?…][”"’')\]]*$/u;

/**
 * Section headings ("GYMNASTICS"), bylines and credits ("James Schroeder") and labels ("BOX SCORE: Delaware
 * 66, Drexel 56") sit between an article's sentences. They may tell the ranker what a page is about, but quoted
 * in a reply they read as a statement that says nothing.
 */
export function isLabelLine(text: string): boolean {
  const line = text.trim();
  return !SENTENCE_END.test(line) && line.split(/\s+/).length <= LABEL_MAX_WORDS;
}
