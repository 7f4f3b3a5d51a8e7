import type { ArticleInput } from '../core/article.js';

/** An input file or record that was passed over, with a reason a person can act on. */
export interface SkippedInput {
  /** Absolute file path; `file.jsonl:12` for a JSONL line, `file.json[3]` for a JSON array element. */
  path: string;
  reason: string;
}

/** What parsing one file produced: the articles it held and the parts that were skipped. */
export interface ParsedFile {
  articles: ArticleInput[];
  skipped: SkippedInput[];
}

/** A parse result for a file that yielded nothing, with why. */
export function skippedFile(path: string, reason: string): ParsedFile {
  return { articles: [], skipped: [{ path, reason }] };
}
