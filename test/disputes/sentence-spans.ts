import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceSpan } from '../../src/core/passage.js';

/** A simple sentence splitter for the tests (the ingest segmenter lives elsewhere): breaks after . ! ? and at line ends. */
export function sentenceSpans(body: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const pattern = /[^\n]+?(?:[.!?]["”’]?(?=\s+["“]?[A-Z])|$)/gm;
  for (const match of body.matchAll(pattern)) {
    const text = match[0];
    const leading = text.length - text.trimStart().length;
    const start = (match.index ?? 0) + leading;
    const end = (match.index ?? 0) + text.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** The seed article's body (front matter removed), read from corpus/. */
export function seedBody(): string {
  const file = readFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'bytedance-huawei-chips-benzinga.md'), 'utf8');
  return file.replace(/^---\n[\s\S]*?\n---\n/, '');
}
