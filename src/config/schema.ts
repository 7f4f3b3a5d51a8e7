import { z } from 'zod';
import { checkWebSettings, webSettingsShape } from './web-settings.js';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const optionalInt = z.coerce.number().int().positive().optional();

/**
 * Every environment variable storydesk reads. Loaded once in `loadConfig`; nothing else reads `process.env`.
 * Documented for users in `.env.example`.
 */
export const envSchema = z.object({
  STORYDESK_DATA_DIR: z.string().default('./data'),
  STORYDESK_CORPUS_DIR: z.string().default('./corpus'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which embedder turns passages into vectors: the bundled offline one or an OpenAI-compatible server. */
  EMBEDDINGS_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().positive().default(64),
  /** Maximum question length in characters; longer questions are refused with a clear message. */
  STORYDESK_MAX_QUESTION_CHARS: z.coerce.number().int().positive().default(1000),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
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
  SLACK_HTTP_PORT: optionalInt,
  SLACK_API_URL: optionalString,
  SLACK_SLASH_COMMAND: z.string().default('/ask'),
  SLACK_SLASH_RESPONSE: z.enum(['in_channel', 'ephemeral']).default('in_channel'),
  SLACK_ALLOWED_CHANNELS: optionalString,

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_URL: optionalString,

  /** Questions per user per minute before the bot asks them to slow down. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),

  /** Comma-separated RSS/Atom feed URLs to poll. */
  FEEDS: optionalString,
  FEED_POLL_CRON: z.string().default('*/15 * * * *'),
  DIGEST_DEFAULT_CRON: z.string().default('0 9 * * 1-5'),
  DIGEST_DEFAULT_TIMEZONE: z.string().default('UTC'),
  DIGEST_POST_EMPTY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  DIGEST_MISSED_WINDOW: z.enum(['post', 'skip']).default('post'),

  // --- Web UI (issue 19): story pages, /ask and /healthz; see src/config/web-settings.ts ---
  ...webSettingsShape,
}).superRefine(checkWebSettings);

export type Env = z.infer<typeof envSchema>;
