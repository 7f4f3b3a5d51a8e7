import { z } from 'zod';
import { StorydeskError } from '../core/errors.js';
import { type Env, envSchema } from './schema.js';

/**
 * Validates an environment object once. Tests pass their own object; the composition root passes
 * `process.env` after dotenv has filled it.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(environment);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new StorydeskError('config_invalid', `Invalid configuration:\n  ${problems.join('\n  ')}\nSee .env.example for every setting.`, {
      cause: z.treeifyError(result.error),
    });
  }
  return result.data;
}
