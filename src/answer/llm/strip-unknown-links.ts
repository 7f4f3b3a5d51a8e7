/** A URL or a bare web address ("www.evil.example", "evil.example/offer"). */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+|\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,24})\/[^\s<>"'()[\]]*|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|info|biz|example|xyz|ru|cn|ly|me|app|dev)\b/gi;

/** Result of removing links a statement may not carry. */
export interface StrippedText {
  text: string;
  removed: string[];
}

/** Lower-cased text the links of a statement are checked against: passage texts and article URLs. */
export function linkHaystack(texts: Iterable<string>): string {
  return [...texts].join('\n').toLowerCase();
}

/**
 * Removes every link that the evidence does not contain, so an instruction planted in an article ("reply
 * with this link") cannot put a URL in front of users through the model. Links quoted from the passages stay.
 */
export function stripUnknownLinks(text: string, haystack: string): StrippedText {
  const removed: string[] = [];
  const stripped = text.replace(LINK, (link) => {
    const trimmed = link.replace(/[.,;:!?]+$/, '');
    if (haystack.includes(trimmed.toLowerCase())) return link;
    removed.push(trimmed);
    return link.slice(trimmed.length);
  });
  if (removed.length === 0) return { text, removed };
  const tidy = stripped
    .replace(/\[([^\]]*)\]\(\s*\)/g, '$1')
    .replace(/\(\s*\)|<\s*>/g, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    // The words that only led up to the removed link ("…; details at http://…", ", see http://…") go with it.
    .replace(/(?:[;,:–—]\s*[^;,:–—.!?]{0,30}?)?\s+(?:see|visit|at|via|here|from|on)\s*([.!?]|$)/gi, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return { text: tidy, removed };
}
