import { contentTerms } from '../text/terms.js';
import { type TopicPhrase, topicPhrasesOf } from './topic-phrases.js';

/**
 * What a question asks for: the kind of span that answers it. `date` covers years ("when", "since when",
 * "what year"); `quantity` numbers with their unit ("how many", "how much", "what percent"); `person` a name
 * for "who"; `name` any proper name for "which X" / "what X" / "where" (an organisation, team, country, place).
 */
export type ExpectedSpan = 'date' | 'quantity' | 'person' | 'name' | null;

/**
 * Which quantities state the answer: a share asks for a percentage, "how long" for a duration, "how many" for a
 * number that is neither money nor a percentage, "how old" for an age ("90", "90-year-old", not "seven decades"),
 * "how much did it cost" for an amount (money or a sum in a currency the recogniser missed, "4.2 million crowns"),
 * another "how much" for any.
 */
export type QuantityAsked = 'percent' | 'duration' | 'count' | 'money' | 'age' | 'any';

/**
 * The form of the answer, read more finely than `expected`: "which famous poet" asks for a person, "which sport"
 * for a common noun ('thing', which no recognised span states), "how long" for a duration, "what did the court
 * decide", "who is Narges Mohammadi" and "what is Ascend 910B" for a clause (null, as for "why"), "where" for a
 * place. The shipped ranker was trained on `expected`, so this only decides which span, if any, the reply states
 * first.
 */
export interface AnswerForm {
  kind: ExpectedSpan | 'thing' | 'place';
  quantity: QuantityAsked;
}

/** How a question reads: the span it expects, whether it asks about a dispute, and the words that carry its topic. */
export interface QuestionIntent {
  expected: ExpectedSpan;
  /** "who denied…", "is it true that…", "does anyone dispute…", "what did X say about…": answered from the dispute records. */
  aboutDispute: boolean;
  /** Stemmed content terms without the words that only say what kind of answer is wanted ("denied", "true", "name"). */
  topicTerms: string[];
  /** Adjacent topic-term pairs of the question ({@link topicPhrasesOf}). */
  topicPhrases: TopicPhrase[];
  /** What the stated answer must be: decides the lead and the gate's typed-answer exemption, not the ranking. */
  answerForm: AnswerForm;
  /** Terms of the capitalised words inside the question (not its first word): the names it gives. */
  names: string[];
}

const YES_NO = /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/i;
const DATE = /\b(?:when|since when|what (?:year|date|day|month)|which (?:year|date|day|month)|in what year|how long ago)\b/i;
const QUANTITY =
  /\b(?:how (?:many|much|long|old|far|often|tall|big|large|high|fast|heavy)|what (?:percentage|percent|proportion|share|number|age|price|amount|sum|fraction)|(?:how|what) much)\b/i;
const WHO = /(?<=^|[\s,(.;])(?:who|whom|whose)\b/i;
/** The nouns of "which actor", "which player"… that the ranker's reading takes for a person (its weights were trained on them). */
const RANKER_PERSON_NOUNS = 'person|man|woman|actor|actress|singer|player|star|leader|lawmaker|politician|author|writer|artist|rapper|musician|celebrity|host|member|figure|athlete|coach|ceo|executive|official';
const PERSON = new RegExp(String.raw`${WHO.source}|\bwhich (?:${RANKER_PERSON_NOUNS})\b`, 'i');
// Lookbehinds, not consumed characters: the match starts at the question word, so positions compare fairly.
const NAME = /(?<=^|[\s,(.;])(?:which|what|where|name the)\b/i;

/*
 * "which famous poet", "which country's president", "what type of pet": up to three words before the noun that
 * says what is asked for, none of them a verb of the question ("which company did the former CEO found?").
 */
const DESCRIBING_WORDS = String.raw`(?:(?!(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could|should|may|might)\b)[\p{L}\p{N}’'.&-]+\s+){0,3}?`;
/** "which X" and "what X" asking for one of the given nouns (singular or plural, not a possessive "player's"). */
function asksFor(nouns: string, notBefore = ''): RegExp {
  const notFollowedBy = notBefore === '' ? '' : String.raw`(?!\s+(?:${notBefore})\b)`;
  return new RegExp(String.raw`\b(?:which|what)\s+${DESCRIBING_WORDS}(?:${nouns})(?:s|es)?\b(?![’']s)${notFollowedBy}`, 'iu');
}
const PERSON_ASKED = asksFor(
  `${RANKER_PERSON_NOUNS}|people|men|women|poet|novelist|comedian|president|senator|governor|mayor|minister|chancellor|king|queen|prince|princess|pope|judge|justice|candidate|nominee|billionaire|founder|director|journalist|reporter|quarterback|pitcher|golfer|boxer|driver|footballer|rower|swimmer|skier|cyclist|runner|sprinter|gymnast|skater|wrestler|jockey|goalkeeper|striker|chef|designer|entrepreneur|scientist|astronaut|activist|spokesperson|lawyer|composer|monarch|royal`,
);
/**
 * Nouns whose answers are common nouns, not names: "soccer", "purple", "coffee beans", "flooding"; unless the noun
 * describes an organisation ("which food brand", "which fast food chain"), whose answer is a name.
 */
const THING_ASKED = asksFor(
  'sport|genre|colou?r|flavou?r|animal|species|pet|breed|bird|insect|creature|crop|food|dish|drink|beverage|fruit|vegetable|plant|tree|flower|ingredient|disease|illness|condition|complication|symptom|phenomenon|material|substance|chemical|element|metal|instrument|weapon|hobby|profession|job|occupation|activity|charge|crime|offen[cs]e',
  'brands?|chains?|compan(?:y|ies)|makers?|manufacturers?|giants?|groups?|firms?|restaurants?|stores?|retailers?|labels?|teams?|clubs?|leagues?|shows?|festivals?|magazines?|networks?|organi[sz]ations?|agenc(?:y|ies)|producers?|suppliers?|startups?|industry|business(?:es)?|banks?|funds?|charit(?:y|ies)|apps?|channels?|events?',
);
/*
 * "What did the court decide?", "What does the new law do?", "What happened at the summit?": a clause answers
 * these, not a name, although the bare "what" reads as one. Only verbs whose object is what someone decided,
 * said, found or did; "What did Tesla unveil?" may well be answered by a name.
 */
const ACTION_WORDS = String.raw`\s+(?:[\p{L}\p{N}’'.&-]+\s+){1,8}?`;
const ACTION_ASKED = new RegExp(
  String.raw`\bwhat\s+(?:` +
    `(?:did|does|do|will|would|could|should|can)${ACTION_WORDS}(?:decide|rule|do|say|mean|conclude|find|want|ask|argue|claim|suggest|recommend|promise|propose|agree|plan|change|happen)` +
    `|(?:is|are|was|were)${ACTION_WORDS}(?:doing|saying|planning|proposing|asking|arguing|claiming|suggesting|recommending|promising|happening)` +
    `|(?:has|have|had)${ACTION_WORDS}(?:decided|ruled|done|said|concluded|found|argued|claimed|suggested|recommended|promised|proposed|agreed|planned|changed|happened)` +
    String.raw`|happen(?:s|ed)?)\b`,
  'iu',
);
// "Who is Narges Mohammadi?", "What is Ascend 910B?": a description answers it, not another name. No i flag: under
// it \p{Lu} matches any letter.
const DESCRIPTION_ASKED = /^\s*(?:[Ww]ho|[Ww]hat)\s+(?:is|was|are|were)\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*\s*){1,4}\??\s*$/u;
const PERCENT_ASKED = /\bwhat (?:percentage|percent|proportion|share|fraction)\b/i;
// "How many days" names its unit, so a bare number ("a 21-day ceasefire") answers it: a count, not a duration.
const DURATION_ASKED = /\bhow long\b(?!\s+(?:is|are|was|were)\b)/i;
// "How much did the repairs cost?", "How much was the fine?", "What price…": an amount, not a share or a time.
const MONEY_ASKED =
  /\bhow much\b(?:\s+[\p{L}\p{N}’'.&-]+){0,10}?\s+(?:cost|costs|costing|pay|pays|paid|paying|spend|spends|spent|spending|worth|fine|fined|charge|charged|earn|earned|earns|owe|owed|owes|raise|raised|sell|sold|buy|bought|budget|budgeted|donate|donated|lose|lost|invest|invested)\b|\bhow much (?:money|cash|revenue|funding|profit|debt)\b|\bwhat (?:price|amount|sum)\b/iu;
const AGE_ASKED = /\bhow old\b|\b(?:what|which) age\b/i;
const COUNT_ASKED = /\bhow (?:many|old|far|often|tall|big|large|high|fast|heavy|long)\b|\bwhat (?:number|age)\b/i;

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
  // "What is the name?" still has a topic in its words; "Who denied that?" alone names no story to look in.
  const topic = topicTerms.length > 0 || aboutDispute ? topicTerms : all;
  return {
    expected,
    aboutDispute,
    topicTerms: topic,
    topicPhrases: topicPhrasesOf(question, topic),
    answerForm: answerFormOf(askedQuestion(question), expected),
    names: namesIn(question),
  };
}

/** Terms of the capitalised words inside a question (its first word is capitalised whatever it is). */
function namesIn(question: string): string[] {
  const names = new Set<string>();
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  words.forEach((word, index) => {
    if (index === 0 || !/^\p{Lu}/u.test(word)) return;
    for (const term of contentTerms(word)) names.add(term);
  });
  return [...names];
}

/** The last question of a two-sentence question is the one asked ("Loretta Lynn died this week. Which genre…?"). */
function askedQuestion(question: string): string {
  return question.split(/(?<=[.!])\s+(?=[A-Z])/).pop() ?? question;
}

function answerFormOf(question: string, expected: ExpectedSpan): AnswerForm {
  if (DESCRIPTION_ASKED.test(question)) return { kind: null, quantity: 'any' };
  let kind: AnswerForm['kind'] = expected;
  // "which X" / "what X" is read again, at the question word `expected` was read at (a later one opens a clause),
  // unless a "who" came first.
  const at = question.search(NAME);
  const who = question.search(WHO);
  if ((expected === 'name' || expected === 'person') && at >= 0 && (who < 0 || who > at)) {
    kind = question.search(PERSON_ASKED) === at ? 'person' : question.search(THING_ASKED) === at ? 'thing' : question.search(ACTION_ASKED) === at ? null : /^where\b/i.test(question.slice(at)) ? 'place' : 'name';
  }
  return { kind, quantity: expected === 'quantity' ? quantityAsked(question) : 'any' };
}

function quantityAsked(question: string): QuantityAsked {
  if (PERCENT_ASKED.test(question)) return 'percent';
  if (DURATION_ASKED.test(question)) return 'duration';
  if (MONEY_ASKED.test(question)) return 'money';
  if (AGE_ASKED.test(question)) return 'age';
  return COUNT_ASKED.test(question) ? 'count' : 'any';
}

function expectedSpan(question: string): ExpectedSpan {
  const asked = askedQuestion(question);
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
