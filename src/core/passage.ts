/** A sentence as character offsets into its article's body (end exclusive). */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** A few consecutive sentences of one article: the unit that is indexed and retrieved. */
export interface PassageDraft {
  /** Position of the passage within its article, from 0. */
  ordinal: number;
  start: number;
  end: number;
  /** Exactly `body.slice(start, end)`. */
  text: string;
  sentences: SentenceSpan[];
}

/** A stored passage; `id` is also its label in the vector index. */
export interface Passage extends PassageDraft {
  id: number;
  articleId: string;
}
