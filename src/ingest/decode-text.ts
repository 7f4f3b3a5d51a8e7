/** V8's longest string (2^29 - 24 code units); UTF-8 never decodes to more code units than it has bytes. */
const MAX_STRING_LENGTH = 0x1fffffe8;

/** The text of a file, or why it cannot be read as text. */
export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes file bytes as UTF-8 text. Binary content (NUL bytes), invalid UTF-8 and files with nothing but
 * whitespace are refused with a reason instead of producing garbage articles.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (the file contains NUL bytes); expected UTF-8 text' };
  if (bytes.length > MAX_STRING_LENGTH) return { ok: false, reason: tooLarge(bytes.length) };
  let text: string;
  try {
    // ignoreBOM: false strips a leading byte-order mark, which editors on Windows add.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    // V8 strings stop at about 512 MiB: a file that large cannot become one string, whatever its encoding.
    if (error instanceof RangeError) return { ok: false, reason: tooLarge(bytes.length) };
    return { ok: false, reason: 'not valid UTF-8 text; re-save the file as UTF-8' };
  }
  if (text.trim() === '') return { ok: false, reason: 'the file holds only whitespace' };
  return { ok: true, text };
}

function tooLarge(byteLength: number): string {
  return `too large to read as one text (${(byteLength / 1048576).toFixed(0)} MiB); split it, or use JSON Lines`;
}
