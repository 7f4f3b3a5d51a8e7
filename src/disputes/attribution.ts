/**
 * Who stands behind a sentence of news: the outlet itself, a named person or organisation, or unnamed
 * sources. Rule-based on purpose: it must run on every sentence of every article, explain itself, and work
 * without a model. Patterns cover the common English news forms ("X, a Y spokesperson, said", "sources told
 * Reuters", "according to IDC", "“…,” X said", "Reuters reported on Monday").
 */

import type { Attribution, HolderKind } from '../core/claim.js';
import { TEXT_MEMO_CAPACITY, TextMemo } from '../text/text-memo.js';

export type { Attribution, HolderKind };

const VERBS =
  'said|says|say|stated|states|told|tells|added|adds|wrote|writes|denied|denies|insisted|insists|responded|countered|claimed|claims|argued|argues|confirmed|confirms|announced|announces|reported|reports|noted|explained|warned|alleged|alleges|maintained|acknowledged|admitted|disputed|rejected|dismissed';
const TIME_TAIL = String.raw`(?:\s+(?:on|last|this|late|early)\s+\w+(?:\s+\w+)?|\s+in\s+a\s+(?:statement|interview|filing|post|email)[^.,;]*)?`;
const PROPER = String.raw`(?:[A-Z][\w&.'’-]*|of|the|and|de|van|von)`;
const NAME = String.raw`[A-Z][\w&.'’-]*(?:\s+${PROPER})*?`;
const CLOSE_QUOTE = '[”"’]';
/** "… has denied", "… have repeatedly denied": the perfect tense, with an adverb at most (never a negation). */
const PERFECT = String.raw`(?:\s+(?:has|have|had)(?:\s+(?:\w+ly|long|also|since|already|previously))?)?`;

/** "Michael Hughes, a TikTok spokesperson, stated, …" / "A TikTok spokesperson said …" / "Huawei has denied …" at the start. */
const SPEAKER_FIRST = new RegExp(
  String.raw`^((?:${NAME}(?:,\s+(?:a|an|the)\s+[^,“"]{2,60}?,?)?)|(?:(?:A|An|The)\s+[^,“"]{2,60}?))${PERFECT}\s+(${VERBS})\b(?:\s+(${NAME}))?`,
);
/** "Sources said …" / "Two people familiar with the matter told Reuters …" / "U.S. officials said …" at the start. */
const UNNAMED_FIRST = new RegExp(
  String.raw`^((?:[\w.'’-]+\s+){0,3}?(?:sources?|people|persons?|officials?|insiders?|analysts?|executives?|employees?|diplomats?)\b[^,“"]{0,60}?)\s+(${VERBS})\b(?:\s+(${NAME}))?`,
);
/** "…, sources told Reuters." / "…, the company said in a statement." / "…, Reuters reported on Monday." at the end. */
const SPEAKER_LAST = new RegExp(
  String.raw`,\s+((?:[^,“”"]{2,80}?))\s+(${VERBS})(?:\s+(${NAME}|reporters|journalists|the (?:press|media|newspaper|agency|broadcaster)))?${TIME_TAIL}\s*[.!?]?${CLOSE_QUOTE}?$`,
);
/** "“…,” said Michael Hughes." / "“…,” Hughes said." */
const SPEAKER_AFTER_QUOTE = new RegExp(
  String.raw`${CLOSE_QUOTE},?\s+(?:(said|says|stated|added|wrote)\s+([^.,;]{2,80})|([^.,;“”"]{2,80}?)\s+(said|says|stated|added|wrote))`,
);
const ACCORDING_TO = /\baccording to ((?:[^,.;“”"]|\.(?=\w))+?)(?=[,.;]|$)/i;

const UNNAMED_HEAD =
  /^(?:[\w.'’-]+\s+){0,3}?(?:sources?|people|persons?|person|insiders?|officials?|executives?|someone|one|analysts?|employees?|diplomats?|individuals?)\b/i;
const UNNAMED_ANYWHERE = /\b(?:familiar with|who (?:asked|declined|spoke) (?:not to be|on condition)|anonymity|not authori[sz]ed)\b/i;
const PRONOUN = /^(?:he|she|they|it|we|i|this|that|these|those|there)$/i;
/** A "holder" with an auxiliary or negation is a clause, not a speaker ("The police have not confirmed"). */
const CLAUSE_WORD = /\b(?:has|have|had|is|are|was|were|will|would|could|can|did|does|do|not|never|also|may|might)\b|n['’]t\b/i;

function classify(holder: string): HolderKind {
  if (UNNAMED_ANYWHERE.test(holder)) return 'unnamed';
  // "sources", "people familiar with the matter", "U.S. officials" carry no name; "a TikTok spokesperson" names TikTok.
  if (UNNAMED_HEAD.test(holder.replace(/^(?:a|an|the|another|some|many)\s+/i, ''))) return 'unnamed';
  return 'named';
}

function clean(holder: string): string {
  return holder.replace(/^[“"‘]|[,;:\s]+$/g, '').trim();
}

function make(holder: string, verb: string, via: string | undefined): Attribution | null {
  const cleaned = clean(holder);
  if (cleaned.length < 2 || PRONOUN.test(cleaned) || CLAUSE_WORD.test(cleaned)) return null;
  // "Reuters." at the end of a sentence loses its full stop; "U.S." keeps it.
  const outlet = via && /^(?:told|tells?)$/i.test(verb) ? clean(via).replace(/(?<![A-Z]\.[A-Z])\.$/, '') : null;
  return {
    holder: cleaned,
    kind: classify(cleaned),
    verb: verb.toLowerCase(),
    via: outlet,
  };
}

/** The attribution of one sentence: its speaker, reporting verb and the outlet it was told to. */
export function extractAttribution(sentence: string): Attribution {
  return attributions.get(sentence, readAttribution);
}

/*
 * Read for every retrieved sentence on every ask, and again by the next ask about the story: remembered by text.
 * Shared between callers, so frozen.
 */
const attributions = new TextMemo<Readonly<Attribution>>(TEXT_MEMO_CAPACITY);

function readAttribution(sentence: string): Attribution {
  return Object.freeze(attributionOf(sentence));
}

function attributionOf(sentence: string): Attribution {
  const text = sentence.trim();
  const unnamed = UNNAMED_FIRST.exec(text);
  if (unnamed?.[1] && unnamed[2]) {
    const found = make(unnamed[1], unnamed[2], unnamed[3]);
    if (found) return found;
  }
  const first = SPEAKER_FIRST.exec(text);
  if (first?.[1] && first[2]) {
    const found = make(first[1], first[2], first[3]);
    if (found && !/^(?:In|On|At|After|Before|Since|When|While|During|As|If|But|And|However|Meanwhile|Additionally|Also)\b/.test(found.holder ?? ''))
      return found;
  }
  const afterQuote = SPEAKER_AFTER_QUOTE.exec(text);
  if (afterQuote) {
    const found =
      afterQuote[2] && afterQuote[1]
        ? make(afterQuote[2], afterQuote[1], undefined)
        : afterQuote[3] && afterQuote[4]
          ? make(afterQuote[3], afterQuote[4], undefined)
          : null;
    if (found) return found;
  }
  const last = SPEAKER_LAST.exec(text);
  if (last?.[1] && last[2] && !/[“"]/.test(last[1])) {
    const found = make(last[1], last[2], last[3]);
    if (found?.holder && found.holder.split(/\s+/).length <= 10) return found;
  }
  const according = ACCORDING_TO.exec(text);
  if (according?.[1]) {
    const found = make(according[1], 'according to', undefined);
    if (found) return found;
  }
  return { holder: null, kind: 'outlet', verb: null, via: null };
}

/** A short label for display ("sources told Reuters", "Michael Hughes, a TikTok spokesperson"), null for the outlet. */
export function attributionLabel(attribution: Attribution): string | null {
  if (attribution.holder === null) return null;
  if (attribution.verb === 'according to') return `according to ${attribution.holder}`;
  if (attribution.kind === 'unnamed') return [attribution.holder, attribution.verb, attribution.via].filter(Boolean).join(' ');
  return attribution.holder;
}
