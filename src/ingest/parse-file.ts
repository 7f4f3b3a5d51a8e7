import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from './decode-text.js';
import { parseHtml } from './parse-html.js';
import { parseJson } from './parse-json.js';
import { parseJsonl } from './parse-jsonl.js';
import { parseMarkdown } from './parse-markdown.js';
import { parseText } from './parse-text.js';
import { type ParsedFile, skippedFile } from './skip.js';

/** One parser per file kind, by lower-case extension; text parsers get the whole file decoded. */
const TEXT_PARSERS: Readonly<Record<string, (path: string, text: string) => ParsedFile>> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.txt': parseText,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.json': parseJson,
};
/** JSON Lines files can be corpus exports of hundreds of megabytes: they are read line by line from the bytes. */
const LINE_PARSERS: Readonly<Record<string, (path: string, bytes: Uint8Array) => ParsedFile>> = {
  '.jsonl': parseJsonl,
  '.ndjson': parseJsonl,
};

/** The extensions parseFile understands, with their dots. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...Object.keys(TEXT_PARSERS), ...Object.keys(LINE_PARSERS)];

/**
 * Reads one file into articles. Bad input (binary, invalid UTF-8, empty, malformed front matter or JSON,
 * invalid records, nothing left after cleaning, a missing or unreadable file) becomes skips with reasons; it
 * throws only for I/O errors it cannot describe.
 * `path` should be absolute: it becomes the articles' origin.
 */
export async function parseFile(path: string): Promise<ParsedFile> {
  const extension = extname(path).toLowerCase();
  const parser = TEXT_PARSERS[extension];
  const lineParser = LINE_PARSERS[extension];
  if (!parser && !lineParser) return skippedFile(path, `unsupported file type (accepted: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = unreadableReason(error);
    if (reason === null) throw error;
    return skippedFile(path, reason);
  }
  if (lineParser) return lineParser(path, bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skippedFile(path, decoded.reason);
  return parser ? parser(path, decoded.text) : skippedFile(path, 'unsupported file type');
}

/** A reason for the read errors a user can act on; null for the ones that are bugs or broken disks. */
function unreadableReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the file no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: the file cannot be read';
  if (code === 'EISDIR') return 'a folder, not a file';
  return null;
}
