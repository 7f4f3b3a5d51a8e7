import { Cron } from 'croner';
import { z } from 'zod';
import { checkWebSettings, webSettingsShape } from './web-settings.js';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
/** An http(s) URL, e.g. an OpenAI-compatible server or a fake Slack API. */
const optionalUrl = optionalString.refine((value) => value === undefined || isHttpUrl(value), {
  message: 'must be an http:// or https:// URL, e.g. http://localhost:8080/v1',
});
/** Comma-separated http(s) URLs. */
const optionalUrlList = optionalString.refine((value) => value === undefined || value.split(',').every((url) => url.trim() === '' || isHttpUrl(url.trim())), {
  message: 'must be comma-separated http:// or https:// URLs',
});
/** A PostgreSQL connection URL, e.g. postgres://user:password@db.example.com:5432/storydesk. */
const optionalPostgresUrl = optionalString.refine((value) => value === undefined || /^postgres(ql)?:\/\/./.test(value), {
  message: 'must be a postgres:// or postgresql:// URL, e.g. postgres://storydesk@localhost:5432/storydesk',
});
const optionalPort = optionalString
  .refine((value) => value === undefined || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535), {
    message: 'must be a port number from 1 to 65535',
  })
  .transform((value) => (value === undefined ? undefined : Number(value)));
const cronPattern = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(isCronPattern, { message: 'must be a cron pattern of five fields, e.g. "*/15 * * * *"' });
const timeZone = z.string().default('UTC').refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Berlin or UTC' });

/**
 * Every environment variable storydesk reads. Loaded once in `loadConfig`; nothing else reads `process.env`.
 * Documented for users in `.env.example`.
 */
const envFields = z.object({
  STORYDESK_DATA_DIR: z.string().default('./data'),
  STORYDESK_CORPUS_DIR: z.string().default('./corpus'),
  /** Stores everything in PostgreSQL (with pgvector) instead of SQLite files in the data directory. */
  DATABASE_URL: optionalPostgresUrl,
  /** Connections this process keeps open to PostgreSQL. */
  STORYDESK_PG_POOL_SIZE: z.coerce.number().int().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which embedder turns passages into vectors: the bundled offline one or an OpenAI-compatible server. */
  EMBEDDINGS_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().positive().default(64),
  /** Seconds between vector index saves during a long ingest: a killed ingest loses at most this tail. */
  STORYDESK_CHECKPOINT_SECONDS: z.coerce.number().positive().default(30),
  /** Maximum question length in characters; longer questions are refused with a clear message. */
  STORYDESK_MAX_QUESTION_CHARS: z.coerce.number().int().positive().default(1000),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).default(2),
  /** Context budget for the LLM prompt, in tokens. */
  OPENAI_CONTEXT_TOKENS: z.coerce.number().int().positive().default(8000),
  /** With a model configured, it also re-judges the offline stance engine's agree/disagree calls. */
  OPENAI_STANCE_JUDGE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_HTTP_PORT: optionalPort,
  SLACK_API_URL: optionalUrl,
  SLACK_SLASH_COMMAND: z.string().default('/ask'),
  SLACK_SLASH_RESPONSE: z.enum(['in_channel', 'ephemeral']).default('in_channel'),
  SLACK_ALLOWED_CHANNELS: optionalString,

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_URL: optionalUrl,

  /** Questions per user per minute before the bot asks them to slow down. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),

  /** Comma-separated RSS/Atom feed URLs to poll. */
  FEEDS: optionalUrlList,
  FEED_POLL_CRON: cronPattern('*/15 * * * *'),
  DIGEST_DEFAULT_CRON: cronPattern('0 9 * * 1-5'),
  DIGEST_DEFAULT_TIMEZONE: timeZone,
  DIGEST_POST_EMPTY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  DIGEST_MISSED_WINDOW: z.enum(['post', 'skip']).default('post'),

  // --- Web UI (issue 19): story pages, /ask and /healthz; see src/config/web-settings.ts ---
  ...webSettingsShape,
}).superRefine(checkWebSettings);

/**
 * Every environment variable storydesk reads, with the settings that only work together checked together,
 * so a half-configured platform fails at start with the variable to set instead of falling back silently.
 */
export const envSchema = envFields.superRefine((env, context) => {
  const problem = (variable: string, message: string): void => {
    context.addIssue({ code: 'custom', path: [variable], message });
  };
  const slackParts = env.SLACK_APP_TOKEN ?? env.SLACK_SIGNING_SECRET ?? env.SLACK_HTTP_PORT;
  if (env.SLACK_BOT_TOKEN === undefined && slackParts !== undefined) {
    problem('SLACK_BOT_TOKEN', 'is missing. Set SLACK_BOT_TOKEN (xoxb-…): other SLACK_ settings are set, but Slack cannot connect without the bot token');
  }
  // A bot token alone is enough to post digests from the CLI; answering needs one of the two connection modes.
  if (env.SLACK_APP_TOKEN === undefined) {
    if (env.SLACK_SIGNING_SECRET !== undefined && env.SLACK_HTTP_PORT === undefined) {
      problem('SLACK_HTTP_PORT', 'is missing: HTTP mode (SLACK_SIGNING_SECRET is set) needs the port to listen on, e.g. 3000; or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
    } else if (env.SLACK_HTTP_PORT !== undefined && env.SLACK_SIGNING_SECRET === undefined) {
      problem('SLACK_SIGNING_SECRET', "is missing: HTTP mode (SLACK_HTTP_PORT is set) needs the signing secret from the Slack app's Basic Information page");
    }
  }
  if (env.DISCORD_TOKEN === undefined && (env.DISCORD_APPLICATION_ID ?? env.DISCORD_GUILD_ID) !== undefined) {
    problem('DISCORD_TOKEN', 'is missing. Set DISCORD_TOKEN (the bot token): DISCORD_APPLICATION_ID or DISCORD_GUILD_ID is set, but Discord cannot connect without it');
  }
  if (env.EMBEDDINGS_PROVIDER === 'openai' && env.OPENAI_API_KEY === undefined && env.OPENAI_BASE_URL === undefined) {
    problem('EMBEDDINGS_PROVIDER', 'is "openai" but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set; set one, or use EMBEDDINGS_PROVIDER=local');
  }
});

export type Env = z.infer<typeof envSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
