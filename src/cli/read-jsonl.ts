import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A parsed line, or the reason it could not be parsed. */
export type JsonlLine = { line: number; value: unknown } | { line: number; error: string };

/** Streams a JSONL file line by line; blank lines are skipped, malformed ones reported, never thrown. */
export async function* readJsonl(path: string): AsyncGenerator<JsonlLine> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, error: `line ${line}: not valid JSON (${(error as Error).message})` };
    }
  }
}
