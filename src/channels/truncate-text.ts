/**
 * Cuts `text` to at most `max` characters (UTF-16 units, as Slack and Discord count), preferring a word
 * boundary and ending with `suffix`, so trimmed text still reads as a sentence that stops, not a glitch.
 */
export function truncateText(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  if (max <= suffix.length) return suffix.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - suffix.length);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${suffix}`;
}

/**
 * Splits text into chunks of at most `max` characters, breaking between lines where possible and inside
 * long lines at word boundaries; used to spread a long answer over several Slack sections.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') chunks.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      flush();
      let cut = rest.lastIndexOf(' ', max);
      if (cut < max * 0.6) cut = max;
      if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    const joined = current === '' ? rest : `${current}\n${rest}`;
    if (joined.length > max) {
      flush();
      current = rest;
    } else {
      current = joined;
    }
  }
  flush();
  return chunks;
}
