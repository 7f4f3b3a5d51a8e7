import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { h } from './html.js';
import { page } from './layout.js';

/** The cookie that remembers a browser gave the right token. */
export const SESSION_COOKIE = 'storydesk_session';
const SESSION_DAYS = 30;

/**
 * Constant-time comparison of two secrets. Both are hashed first, so the comparison takes the same time
 * whatever their lengths (`timingSafeEqual` itself needs equal lengths and would leak them).
 */
export function secretsMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The cookie value for a token: derived from it, so the cookie jar never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('storydesk web session v1').digest('base64url');
}

/** Options for {@link requireToken}. */
export interface TokenOptions {
  token: string;
  /** Path prefix of the site; the cookie is scoped to it. */
  base: string;
  /** Mark the cookie Secure (the site is reached over https). */
  secureCookie: boolean;
}

function bearerOf(context: Context): string | undefined {
  const header = context.req.header('authorization');
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

/**
 * Lets a request through when it proves it knows STORYDESK_WEB_TOKEN: an `Authorization: Bearer TOKEN`
 * header (scripts), the session cookie (browsers), or `?token=TOKEN` once, which sets the cookie and
 * redirects to the same address without the token, so it stays out of history, logs and shared links.
 */
export function requireToken(options: TokenOptions): MiddlewareHandler {
  const session = sessionValue(options.token);
  return async (context, next) => {
    const bearer = bearerOf(context);
    if (bearer !== undefined && secretsMatch(bearer, options.token)) return next();
    const cookie = getCookie(context, SESSION_COOKIE);
    if (cookie !== undefined && secretsMatch(cookie, session)) return next();
    const url = new URL(context.req.url);
    const offered = url.searchParams.get('token');
    if (offered !== null && secretsMatch(offered, options.token) && (context.req.method === 'GET' || context.req.method === 'HEAD')) {
      setCookie(context, SESSION_COOKIE, session, {
        path: options.base || '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookie,
        maxAge: SESSION_DAYS * 86_400,
      });
      url.searchParams.delete('token');
      return context.redirect(`${options.base}${url.pathname}${url.search}`, 303);
    }
    context.header('WWW-Authenticate', 'Bearer realm="storydesk"');
    const body = h`<h1>Access token needed</h1>
<p>This storydesk asks for its access token. Open the link you were given that ends in <code>?token=…</code> once in this browser, and it will remember it for ${SESSION_DAYS} days.</p>
<p class="lede">Scripts can send the header <code>Authorization: Bearer TOKEN</code> instead. Whoever runs storydesk set the token in <code>STORYDESK_WEB_TOKEN</code>.</p>`;
    return context.html(page({ title: 'Access token needed', base: options.base, section: 'none', body }).toString(), 401);
  };
}
