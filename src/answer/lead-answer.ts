import type { Dispute, DisputeKind, LeadAnswer } from '../core/answer.js';
import { contentTerms } from '../text/terms.js';
import type { EvidenceSentence } from './evidence-sentence.js';
import { fullNameOf } from './full-name.js';
import type { AnswerForm, QuantityAsked, QuestionIntent } from './question-intent.js';
import { type EntitySpan, joinNumberToDuration } from './sentence-entities.js';

const KIND_VERB: Record<Exclude<DisputeKind, 'unverified'>, string> = { denied: 'Denied', contradicted: 'Contradicted' };

/** What the lead reads of a question. */
export type LeadReading = Pick<QuestionIntent, 'answerForm' | 'topicTerms' | 'names'>;

/**
 * "Oklahoma City Thunder [1]": the span that answers the question, cited to the sentence it was cut from. For a
 * question about a person, a surname stands as the full name its article gives ("James" as "LeBron James",
 * {@link fullNameOf}), without the title the question already says ("Kevin McCarthy" for "Who is the speaker of
 * the House?", not "House Speaker Kevin McCarthy"); other names are left as written ("Australia" is not "South
 * Australia").
 */
export function spanLead(span: EntitySpan, sentence: EvidenceSentence, citation: number, intent: LeadReading): LeadAnswer {
  const text = intent.answerForm.kind === 'person' ? withoutAskedTitle(fullNameOf(span, sentence.article.title, sentence.body), new Set(intent.topicTerms)) : span.text;
  return { text, citations: [citation] };
}

/**
 * A person's name without the title before it when the question says the title: news writes "House Speaker
 * Kevin McCarthy", and "Who was ousted as speaker?" needs only "Kevin McCarthy". Everything up to the last word
 * the question holds goes; the last two words always stay, so a first name the question shares is kept ("John
 * Adams" for "Who succeeded John Smith?").
 */
function withoutAskedTitle(name: string, asked: ReadonlySet<string>): string {
  const words = name.split(/\s+/);
  let cut = 0;
  for (let index = 0; index < words.length - 2; index += 1) {
    const terms = contentTerms(words[index] ?? '');
    if (terms.length > 0 && terms.every((term) => asked.has(term))) cut = index + 1;
  }
  return words.slice(cut).join(' ');
}

/** "had not invaded", "never won", "wasn't elected": a negation right before a word the question asks about. */
const NEGATED_WORD = /(?:\b(?:not|never|no longer)|n['’]t)\s+(?:(?:yet|been|be|even)\s+)?([\p{L}\p{N}][\p{L}\p{N}'’-]*)/giu;

/**
 * Whether a sentence denies what the question asks about ("On Feb. 20, Russia had not invaded Ukraine" for
 * "When did Russia invade Ukraine?"): its spans would state the answer to the opposite question.
 */
function negatesAsked(text: string, asked: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(NEGATED_WORD)) {
    if (contentTerms(match[1] ?? '').some((term) => asked.has(term))) return true;
  }
  return false;
}

/**
 * The span to state first, from a sentence's answer spans (nearest the question's words first), of the form the
 * question asks: none for a common noun ("which sport"), a quantity of the measure asked ("how long" is not
 * answered by a cost); none from a sentence that denies what the question asks about; a name the question gives
 * only when no other span is there. For a "who" question, the nearest span likely to be a person: one named
 * without an article ("the New Orleans Pelicans" is a team, "the Senate" a body) and given a full name somewhere
 * in its article, as news does for people ("Adrien Brody … Brody"); a one-word name its article never writes
 * with a first name ("Oscar") more likely names a thing.
 */
export function leadSpanOf(answerSpans: readonly EntitySpan[], sentence: EvidenceSentence, intent: LeadReading): EntitySpan | undefined {
  const { answerForm: form } = intent;
  if (negatesAsked(sentence.text, new Set(intent.topicTerms))) return undefined;
  const ofForm = spansOfForm(answerSpans, sentence.text, form).map(afterDash);
  // A name the question gives is its topic, not its answer: "NBA Finals" for "Which team won the NBA
  // championship?", "House Speaker Kevin McCarthy" for "Who replaced Kevin McCarthy?". Only a preference, as
  // "Andrea Swift" may well answer "Who is Taylor Swift's mother?".
  const names = new Set(intent.names);
  const fresh = ofForm.filter((span) => !contentTerms(span.text).some((term) => names.has(term)));
  const spans = fresh.length > 0 ? fresh : ofForm;
  // The recogniser does not tell places from other names; a name after "in", "at", "on"… is most likely one.
  if (form.kind === 'place') return spans.find((span) => afterLocative(span, sentence.text)) ?? spans[0];
  if (form.kind !== 'person') return spans[0];
  const likelihood = (span: EntitySpan): number => {
    // "in Oslo", "at Harvard": a name where something happens is a place, not a person.
    if (afterArticle(span, sentence.text) || afterLocative(span, sentence.text, PLACE_ONLY)) return 0;
    return /\s/.test(span.text) || fullNameOf(span, sentence.article.title, sentence.body) !== span.text ? LIKELY_PERSON : 1;
  };
  let best: EntitySpan | undefined;
  let bestLikelihood = -1;
  for (const span of spans) {
    const value = likelihood(span);
    if (value > bestLikelihood) {
      best = span;
      bestLikelihood = value;
    }
    // Nothing ranks above a likely person; the rest need no full-name search of the body.
    if (value === LIKELY_PERSON) break;
  }
  return best;
}

/**
 * A name read across a dash keeps only what follows it: the tagger joins a dateline to the name after it when the
 * dash is a minus sign ("WASHINGTON − Florida Rep. Matt Gaetz", "Fla. − Hurricane Helene").
 */
function afterDash(span: EntitySpan): EntitySpan {
  if (span.kind !== 'name') return span;
  const dashes = [...span.text.matchAll(/\s[−–—-]\s+/gu)];
  const last = dashes[dashes.length - 1];
  if (last?.index === undefined) return span;
  const cut = last.index + last[0].length;
  return { ...span, text: span.text.slice(cut), start: span.start + cut };
}

/**
 * The answer spans of a sentence that can state an answer of the form asked, in their order: none for a common
 * noun or a clause, quantities of the measure asked, no piece of a code name. A typed answer, for the gate as for
 * the lead, is one of these.
 */
export function spansOfForm(answerSpans: readonly EntitySpan[], text: string, form: AnswerForm): readonly EntitySpan[] {
  if (form.kind === 'thing' || form.kind === null) return [];
  const whole = answerSpans.filter((span) => !partOfCode(span, text));
  return form.kind === 'quantity' ? joinNumberToDuration(whole, text).filter((span) => measures(span, form.quantity, text)) : whole;
}

/**
 * A piece of a model or code name ("Ascend 910B", "F-35", "COVID-19"): its number counts or measures nothing, and
 * its letter ("B") names nothing.
 */
function partOfCode(span: EntitySpan, text: string): boolean {
  const before = text.slice(0, span.start);
  const after = text.slice(span.end);
  if (/^\d/.test(span.text)) return /\p{L}-?$/u.test(before) || /^\p{L}/u.test(after);
  return span.kind === 'name' && (/\d$/.test(before) || /^\d/.test(after));
}

/** Whether a quantity of a sentence is of the measure asked. */
function measures(span: EntitySpan, asked: QuantityAsked, text: string): boolean {
  // "a first group of hostages", "his 62nd home run": a rank measures nothing.
  if (span.unit === 'ordinal') return false;
  if (asked === 'percent' || asked === 'duration') return span.unit === asked;
  if (asked === 'count') return span.unit !== 'money' && span.unit !== 'percent';
  // An age is a bare number ("died at 90") or a duration written as one ("90-year-old", "90 years old").
  if (asked === 'age') return span.unit === 'number' || (span.unit === 'duration' && /^[\s-]old\b/.test(text.slice(span.end)));
  // A sum in a currency the recogniser does not know ("4.2 million crowns") is a number with a magnitude word.
  if (asked === 'money') return span.unit === 'money' || (span.unit === 'number' && /\b(?:thousand|million|billion|trillion|bn)\b/i.test(span.text));
  return true;
}

/** The highest likelihood {@link leadSpanOf} gives a span: named as people are, without an article. */
const LIKELY_PERSON = 2;

/** Prepositions that put a name in a place ("on Florida's Gulf Coast", "in the Netherlands", "from Mexico"). */
const PLACE = /\b(?:in|at|on|near|from|to|into|off|across|outside|inside|around|throughout)\s+(?:the\s+)?$/i;
/** Of those, the ones that never stand before a person ("from" and "to" do: "a letter from Joe Biden"). */
const PLACE_ONLY = /\b(?:in|at|near|across|outside|inside|around|throughout)\s+(?:the\s+)?$/i;

/** Whether a preposition of place stands right before the span. */
function afterLocative(span: EntitySpan, text: string, prepositions: RegExp = PLACE): boolean {
  return prepositions.test(text.slice(Math.max(0, span.start - 16), span.start));
}

/** Whether "the", "a" or "an" stands right before the span. */
function afterArticle(span: EntitySpan, text: string): boolean {
  return /\b(?:the|a|an)\s+$/i.test(text.slice(Math.max(0, span.start - 8), span.start));
}

/**
 * For a question about a dispute, who holds the other side: "Denied by Michael Hughes, a TikTok spokesperson;
 * a source could not verify it", citing each counter-statement. Undefined when the evidence disputes nothing.
 */
export function disputeLead(disputes: Dispute[]): LeadAnswer | undefined {
  if (disputes.length === 0) return undefined;
  // Denials first: "who denied…" is the commonest dispute question, and a denial is the strongest counter.
  const order: DisputeKind[] = ['denied', 'contradicted', 'unverified'];
  const sorted = [...disputes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const parts: string[] = [];
  const citations: number[] = [];
  for (const dispute of sorted) {
    // "Not verified by" would name whoever reported the claim; the source that could not confirm it is often unnamed.
    const part = dispute.kind === 'unverified' ? 'a source could not verify it' : `${KIND_VERB[dispute.kind]}${dispute.disputedBy ? ` by ${dispute.disputedBy}` : ''}`;
    if (parts.includes(part) || parts.length >= 2) continue;
    parts.push(part);
    citations.push(...dispute.counterCitations.filter((n) => !citations.includes(n)));
  }
  const text = parts.map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part.charAt(0).toLowerCase() + part.slice(1))).join('; ');
  return { text, citations };
}
