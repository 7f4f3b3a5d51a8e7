import { StorydeskError } from '../core/errors.js';
import { decodeDeclared } from './declared-charset.js';

/** The subset of `fetch` the poller uses, injected so tests can count or redirect requests. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Limits for one HTTP GET of a feed or an article page. */
export interface FetchLimits {
  /** Aborts the request (headers and body) after this long. @default 10000 */
  timeoutMs?: number;
  /** Stops reading and skips the response past this many bytes. @default 5 MiB */
  maxBytes?: number;
  /** Redirects followed before giving up (a loop ends here too). @default 5 */
  maxRedirects?: number;
}

/** What came back: a 304 has no body; anything else is a 2xx with its text, decoded by its declared charset. */
export type FetchResult =
  | { status: 304; url: string }
  | { status: number; url: string; body: string; etag: string | null; lastModified: string | null; contentType: string | null };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/** How long one `boundedFetch` may take at most, redirects and body included: it is aborted then. */
export function fetchDeadlineMs(limits: FetchLimits = {}): number {
  return limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** Why a fetch was abandoned; `code` names the case so logs and backoff can tell them apart. */
export class FetchFailure extends StorydeskError {
  constructor(code: 'http_status' | 'timeout' | 'too_large' | 'redirect_loop' | 'network', message: string, options?: { cause?: unknown }) {
    super(`fetch_${code}`, message, options);
    this.name = 'FetchFailure';
  }
}

/**
 * GETs a URL with a timeout, a size cap and a redirect limit. Redirects are followed by hand
 * (`redirect: 'manual'`) so a loop is detected after `maxRedirects` hops, and the body is streamed so a
 * 50 MB page is abandoned at the cap instead of being buffered.
 */
export async function boundedFetch(fetchFunction: FetchFunction, url: string, headers: Record<string, string>, limits: FetchLimits = {}): Promise<FetchResult> {
  const timeoutMs = fetchDeadlineMs(limits);
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // One deadline for the whole exchange, redirects and body included.
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  const visited = new Set<string>();
  try {
    for (let hop = 0; ; hop += 1) {
      visited.add(current);
      const response = await fetchFunction(current, { headers, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchFailure('http_status', `${current} answered ${response.status} without a Location`);
        const next = new URL(location, current).toString();
        if (hop + 1 > maxRedirects || visited.has(next)) {
          throw new FetchFailure('redirect_loop', `${url} redirected more than ${maxRedirects} times or in a loop (last: ${next})`);
        }
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 304, url: current };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        throw new FetchFailure('http_status', `${current} answered HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel();
        throw new FetchFailure('too_large', `${current} is ${declared} bytes, over the ${maxBytes}-byte cap`);
      }
      const contentType = response.headers.get('content-type');
      const body = decodeDeclared(await readCapped(response, maxBytes, current), contentType);
      return {
        status: response.status,
        url: current,
        body,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        contentType,
      };
    }
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    if (signal.aborted) throw new FetchFailure('timeout', `${current} did not answer within ${timeoutMs} ms`, { cause: error });
    throw new FetchFailure('network', `${current} could not be fetched: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads the body's bytes, cancelling the stream as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchFailure('too_large', `${url} is larger than the ${maxBytes}-byte cap; skipped`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
