import { InvalidArgumentError } from 'commander';

/** Parses a positive whole number option, with a message that names the problem. */
export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return parsed;
}
