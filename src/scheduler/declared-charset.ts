/**
 * Feeds and pages say how their bytes are encoded: a byte-order mark, the Content-Type header's `charset`, an
 * XML declaration's `encoding` or an HTML `<meta charset>`. Reading every response as UTF-8 garbles the many
 * news sites that still serve ISO-8859-1 or Windows-1252 ("Müller" becomes "M�ller"), so the declared one is used.
 */

/** How many leading bytes are searched for an XML declaration or a meta tag. */
const DECLARATION_WINDOW = 1024;

const BYTE_ORDER_MARKS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset of a Content-Type header value ("application/rss+xml; charset=ISO-8859-1"), if any. */
export function charsetOfContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** The encoding the document itself declares in its first bytes (XML declaration or HTML meta), if any. */
export function charsetDeclaredInDocument(bytes: Uint8Array): string | null {
  // The declarations are ASCII in every encoding a feed uses, so a byte-per-character view finds them.
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/**
 * Decodes a response body by what it declares: a byte-order mark first, then the Content-Type charset, then
 * the document's own declaration; UTF-8 when nothing is declared or the label is unknown.
 */
export function decodeDeclared(bytes: Uint8Array, contentType: string | null): string {
  for (const [mark, encoding] of BYTE_ORDER_MARKS) {
    if (mark.every((byte, index) => bytes[index] === byte)) return new TextDecoder(encoding).decode(bytes);
  }
  const declared = charsetOfContentType(contentType) ?? charsetDeclaredInDocument(bytes);
  return new TextDecoder(knownEncoding(declared)).decode(bytes);
}

function knownEncoding(label: string | null): string {
  if (label === null) return 'utf-8';
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    // An unknown or misspelled label ("latin-1x"): UTF-8 is the web's default and the likeliest truth.
    return 'utf-8';
  }
}
