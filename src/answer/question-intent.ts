import { contentTerms } from '../text/terms.js';
import { type TopicPhrase, topicPhrasesOf } from './topic-phrases.js';

/**
 * What a question asks for: the kind of span that answers it. `date` covers years ("when", "since when",
 * "what year"); `quantity` numbers with their unit ("how many", "how much", "what percent"); `person` a name
 * for "who"; `name` any proper name for "which X" / "what X" / "where" (an organisation, team, country, place).
 */
export type ExpectedSpan = 'date' | 'quantity' | 'person' | 'name' | null;

/** How a question reads: the span it expects, whether it asks about a dispute, and the words that carry its topic. */
export interface QuestionIntent {
  expected: ExpectedSpan;
  /** "who denied…", "is it true that…", "does anyone dispute…", "what did X say about…": answered from the dispute records. */
  aboutDispute: boolean;
  /** Stemmed content terms without the words that only say what kind of answer is wanted ("denied", "true", "name"). */
  topicTerms: string[];
  /** Adjacent topic-term pairs of the question ({@link topicPhrasesOf}). */
  topicPhrases: TopicPhrase[];
}

const YES_NO = /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/i;
const DATE = /\b(?:when|since when|what (?:year|date|day|month)|which (?:year|date|day|month)|in what year|how long ago)\b/i;
const QUANTITY =
  /\b(?:how (?:many|much|long|old|far|often|tall|big|large|high|fast|heavy)|what (?:percentage|percent|proportion|share|number|age|price|amount|sum|fraction)|(?:how|what) much)\b/i;
const PERSON = /(?<=^|[\s,(.;])(?:who|whom|whose)\b|\bwhich (?:person|man|woman|actor|actress|singer|player|star|leader|lawmaker|politician|author|writer|artist|rapper|musician|celebrity|host|member|figure|athlete|coach|ceo|executive|official)\b/i;
// Lookbehinds, not consumed characters: the match starts at the question word, so positions compare fairly.
const NAME = /(?<=^|[\s,(.;])(?:which|what|where|name the)\b/i;

/*
 * Dispute questions name the act of disputing, or ask whether something holds. The verbs are matched on their
 * stems so "denied", "denies" and "denying" read alike; the object ("it", "that ByteDance uses…") is the topic.
 */
const DISPUTE_QUESTION =
  /\b(?:who|which \w+|anyone|anybody|someone|any(?:one)? \w+)\s+(?:(?:has|have|had|did|does|do)\s+)?(?:(?:publicly|officially|later)\s+)?(?:deni(?:ed|es)|deny(?:ing)?|disput(?:ed|es|e|ing)|refut(?:ed|es|e)|reject(?:ed|s)?|contradict(?:ed|s)?|contest(?:ed|s)?|question(?:ed|s)?|push(?:ed)? back)\b|\b(?:is|was) (?:it|this|that|the (?:claim|report|story)) (?:really )?true\b|\bis it true that\b|\btrue that\b|\bwhat did .{2,60}? say about\b|\bwho (?:confirmed|verified|could not verify|couldn't verify)\b/i;
/** Words of a dispute question that say what is asked, not what it is about. */
const DISPUTE_WORDS = new Set(
  contentTerms('deny denied denies denial dispute disputed disputes refute refuted reject rejected contradict contradicted contest contested question questioned push pushed back true really claim report story say said confirm confirmed verify verified anyone anybody someone publicly officially later'),
);
/** Words that ask for the kind of answer, not for a topic ("What is the name of…", "how many times"). */
const FORM_WORDS = new Set(contentTerms('name named called kind type number'));

/** Reads a question once: its expected span, its dispute intent and its topic terms. */
export function readQuestion(question: string): QuestionIntent {
  const aboutDispute = DISPUTE_QUESTION.test(question);
  const expected = aboutDispute ? null : expectedSpan(question);
  const drop = aboutDispute ? DISPUTE_WORDS : FORM_WORDS;
  const all = [...new Set(contentTerms(question))];
  const topicTerms = all.filter((term) => !drop.has(term));
  const topic = topicTerms.length > 0 ? topicTerms : all;
  return { expected, aboutDispute, topicTerms: topic, topicPhrases: topicPhrasesOf(question, topic) };
}

function expectedSpan(question: string): ExpectedSpan {
  // The last question of a two-sentence question is the one asked ("Loretta Lynn died this week. Which genre…?").
  const asked = question.split(/(?<=[.!])\s+(?=[A-Z])/).pop() ?? question;
  if (YES_NO.test(asked)) return null;
  // The first question word is the one asked; a later one opens a clause ("Who lit the lamp when it reopened?").
  let first: { expected: ExpectedSpan; at: number } = { expected: null, at: Number.POSITIVE_INFINITY };
  for (const [expected, pattern] of SPAN_PATTERNS) {
    const at = asked.search(pattern);
    if (at >= 0 && at < first.at) first = { expected, at };
  }
  return first.expected;
}

/** Checked in this order, so at one position a date question wins over a quantity, a person over a name. */
const SPAN_PATTERNS: ReadonlyArray<readonly [ExpectedSpan, RegExp]> = [
  ['date', DATE],
  ['quantity', QUANTITY],
  ['person', PERSON],
  ['name', NAME],
];
