import { articlesFromRecords, type LocatedRecord } from './article-record.js';
import type { ParsedFile, SkippedInput } from './skip.js';

/**
 * Parses JSON Lines (.jsonl/.ndjson): one article record per line. A malformed line or an invalid record is
 * skipped with its line number (path `file.jsonl:12`) and the rest of the file continues; blank lines are
 * ignored.
 */
export function parseJsonl(path: string, text: string): ParsedFile {
  const records: LocatedRecord[] = [];
  const skipped: SkippedInput[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const where = `${path}:${index + 1}`;
    try {
      records.push({ value: JSON.parse(line), where });
    } catch (error) {
      skipped.push({ path: where, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const parsed = articlesFromRecords(path, records);
  // Report skips in line order, however they arose.
  const allSkipped = [...skipped, ...parsed.skipped].sort((a, b) => lineOf(a.path) - lineOf(b.path));
  return { articles: parsed.articles, skipped: allSkipped };
}

function lineOf(where: string): number {
  return Number(/:(\d+)$/.exec(where)?.[1] ?? 0);
}
