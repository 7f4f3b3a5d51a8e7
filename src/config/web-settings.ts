import { z } from 'zod';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** A blank value (`STORYDESK_WEB_PORT=` as copied from .env.example) means unset. */
const blankAsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalTrimmed = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/**
 * The web UI's settings (issue 19), kept apart from the rest of the schema. Spread into `envSchema`, with
 * {@link checkWebSettings} as its refinement.
 */
export const webSettingsShape = {
  /** Serve the read-only story pages on this port beside the bot; unset: no web UI. */
  STORYDESK_WEB_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65_535).optional()),
  /** Address the web UI listens on. @default 127.0.0.1 (this machine only) */
  STORYDESK_WEB_HOST: z.preprocess(blankAsUnset, z.string().trim().min(1).default('127.0.0.1')),
  /** Shared secret for the web UI; required when it listens beyond loopback. At least 16 characters. */
  STORYDESK_WEB_TOKEN: optionalTrimmed.pipe(z.string().min(16, 'use at least 16 characters (e.g. `openssl rand -hex 24`)').optional()),
  /** Where people reach the web UI (e.g. https://news.example.org/storydesk); chat answers and digests link to it. */
  STORYDESK_PUBLIC_URL: optionalTrimmed
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://desk.example.org' }).optional())
    .transform((value) => value?.replace(/\/+$/, '')),
};

/** Cross-field rule: beyond loopback the web UI is served only with a token. */
export function checkWebSettings(
  env: { STORYDESK_WEB_PORT?: number | undefined; STORYDESK_WEB_HOST: string; STORYDESK_WEB_TOKEN?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (env.STORYDESK_WEB_PORT === undefined || env.STORYDESK_WEB_TOKEN !== undefined || isLoopbackHost(env.STORYDESK_WEB_HOST)) return;
  context.addIssue({
    code: 'custom',
    path: ['STORYDESK_WEB_TOKEN'],
    message: `STORYDESK_WEB_HOST=${env.STORYDESK_WEB_HOST} is reachable from other machines: set STORYDESK_WEB_TOKEN (16+ characters, e.g. \`openssl rand -hex 24\`), or listen on 127.0.0.1.`,
  });
}
