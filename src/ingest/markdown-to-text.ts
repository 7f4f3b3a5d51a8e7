/**
 * Markdown syntax is not part of what an article says, and citations quote the body verbatim, so the
 * syntax is removed: links keep their text, images and link definitions go, emphasis marks and heading
 * hashes are dropped. Deliberately small: news Markdown is mostly paragraphs.
 */
const RULES: readonly [RegExp, string][] = [
  [/<!--[\s\S]*?-->/g, ''],
  [/^\s*(?:```|~~~).*$/gm, ''],
  [/!\[[^\]]*\]\([^)]*\)/g, ''],
  [/\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1'],
  [/^\s*\[[^\]]+\]:\s+\S+.*$/gm, ''],
  [/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1'],
  [/^\s{0,3}>\s?/gm, ''],
  [/^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/gm, ''],
  [/(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1/g, '$2'],
  [/<\/?(?:br|p|div|span|em|strong|b|i|u)\b[^>]*>/gi, ''],
];

/** Plain text of a Markdown article body (paragraphs and line breaks kept). */
export function markdownToText(markdown: string): string {
  let text = markdown;
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text;
}
