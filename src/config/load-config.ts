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
    // One line a user can act on: each problem names its variable and, where it helps, the value given.
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(settings)';
      const given = environment[variable];
      const shown = given !== undefined && given.trim() !== '' && !/TOKEN|SECRET|KEY/.test(variable) ? ` (got "${given}")` : '';
      return `${variable} ${issue.message}${shown}`;
    });
    throw new StorydeskError('config_invalid', `Invalid setting: ${problems.join('; ')}. See .env.example for every setting.`, {
      cause: z.treeifyError(result.error),
    });
  }
  return result.data;
}
