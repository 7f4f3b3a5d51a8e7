import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup that is safe to send: every interpolated string in it was escaped by {@link h}. */
export type Html = HtmlEscapedString;

/**
 * Hono's `html` tag, synchronously: strings and numbers interpolated into it are HTML-escaped (`& < > " '`),
 * arrays are joined, `null`/`undefined`/booleans vanish, and `Html` from another `h` call is kept as it is.
 * This is the only way page code builds markup, so article text can never arrive unescaped.
 */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const result = html(strings, ...values);
  // Our views never interpolate promises, so the result is always ready; anything else is a bug.
  if (result instanceof Promise) throw new Error('web views must be synchronous');
  return result;
}

/**
 * An article link's target when it is an absolute http(s) URL, else null (shown as text, never linked):
 * articles are untrusted, and `javascript:` or `data:` URLs in them must not become links.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An external link to an article, or its label as plain text when the URL is not a safe web address. */
export function externalLink(url: string | null | undefined, label: Html | string): Html {
  const href = safeHref(url);
  return href ? h`<a href="${href}" rel="noopener noreferrer nofollow" class="external">${label}</a>` : h`<span>${label}</span>`;
}
