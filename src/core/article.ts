/** An article as it enters storydesk: parsed and cleaned, not yet split or embedded. */
export interface ArticleInput {
  /** Stable id: the record id for JSON/JSONL, otherwise derived from the file path. */
  id: string;
  title: string;
  /** True when the title was derived from the body because the source had none. */
  titleDerived: boolean;
  /** Cleaned main text. Every citation quote is a verbatim substring of this. */
  body: string;
  /** Outlet name, e.g. "Benzinga". */
  source: string | null;
  url: string | null;
  /** ISO-8601 date or date-time, as given by the source. */
  published: string | null;
  author: string | null;
  /** Where it came from: an absolute file path (plus `#record` for JSONL) or a feed URL. */
  origin: string;
  /** Absolute path of the file the article came from, or null for feeds. */
  originFile: string | null;
}

/** An article as stored. */
export interface Article extends ArticleInput {
  /** SHA-256 of the fields that affect indexing; unchanged hash means nothing to redo. */
  contentHash: string;
  /** When it was first stored (ISO). */
  ingestedAt: string;
}

/** Metadata shown next to a citation. */
export type ArticleMeta = Pick<Article, 'id' | 'title' | 'source' | 'url' | 'published'>;
