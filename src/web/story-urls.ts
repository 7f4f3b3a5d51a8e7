/**
 * Addresses of the web pages. `base` is STORYDESK_PUBLIC_URL for links posted in chat, or the path part of
 * it (a reverse proxy in front of storydesk strips it) for links inside the pages.
 */
export function storyPagePath(base: string, storyId: string): string {
  return `${base.replace(/\/+$/, '')}/stories/${encodeURIComponent(storyId)}`;
}

/** The page of a story as posted in chat ("Full timeline"), or undefined without a public URL. */
export function storyPageUrl(publicUrl: string | undefined, storyId: string): string | undefined {
  return publicUrl ? storyPagePath(publicUrl, storyId) : undefined;
}

/** The path prefix the pages are reached under: the path of STORYDESK_PUBLIC_URL ("" at the root). */
export function basePathOf(publicUrl: string | undefined): string {
  if (!publicUrl) return '';
  try {
    return new URL(publicUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
