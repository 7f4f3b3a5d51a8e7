import { TextDecoder } from 'node:util';
import { articlesFromRecords } from './article-record.js';
import { type ParsedFile, type SkippedInput, skippedFile } from './skip.js';

const NEWLINE = 0x0a;

/**
 * Parses JSON Lines (.jsonl/.ndjson): one article record per line. A malformed line, a line that is not
 * UTF-8 or an invalid record is skipped with its line number (path `file.jsonl:12`) and the rest of the
 * file continues; blank lines are ignored. Works on the raw bytes line by line, so a corpus export of
 * hundreds of megabytes never becomes one giant string.
 */
export function parseJsonl(path: string, bytes: Uint8Array): ParsedFile {
  if (bytes.length === 0) return skippedFile(path, 'empty file');
  if (bytes.includes(0)) return skippedFile(path, 'binary content (the file contains NUL bytes); expected UTF-8 text');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const result: ParsedFile = { articles: [], skipped: [] };
  let sawRecordLine = false;
  let start = 0;
  for (let lineNumber = 1; start <= bytes.length; lineNumber += 1) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const where = `${path}:${lineNumber}`;
    const line = decodeLine(decoder, bytes.subarray(start, end));
    start = end + 1;
    if (line === null) {
      result.skipped.push({ path: where, reason: 'not valid UTF-8 text' });
      continue;
    }
    if (line === '') continue;
    sawRecordLine = true;
    const parsed = parseLine(line, where);
    if ('reason' in parsed) {
      result.skipped.push(parsed);
      continue;
    }
    const { articles, skipped } = articlesFromRecords(path, [{ value: parsed.value, where }]);
    result.articles.push(...articles);
    result.skipped.push(...skipped);
  }
  if (!sawRecordLine && result.skipped.length === 0) return skippedFile(path, 'the file holds only whitespace');
  return result;
}

/** One line as trimmed text (a byte-order mark on the first line removed), or null when it is not UTF-8. */
function decodeLine(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '').trim();
  } catch {
    return null;
  }
}

function parseLine(line: string, where: string): { value: unknown } | SkippedInput {
  try {
    return { value: JSON.parse(line) };
  } catch (error) {
    return { path: where, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
