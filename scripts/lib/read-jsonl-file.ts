import { readFileSync } from 'node:fs';

/**
 * A whole JSONL file of trusted development data, one parsed value per non-blank line. The CLI's streaming
 * reader (src/cli/read-jsonl.ts) is for user input, where a bad line is reported rather than thrown.
 */
export function readJsonlFile<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
