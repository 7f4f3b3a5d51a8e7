import { UserFacingError } from '../core/errors.js';

/** A command line that cannot be run as typed (a missing argument, a bad --data): exit code 2. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
