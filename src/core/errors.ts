/** Base error with a stable code, so callers can branch without parsing messages. */
export class StorydeskError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorydeskError';
    this.code = code;
  }
}

/** An error whose message is safe and useful to show to a user in a channel. */
export class UserFacingError extends StorydeskError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'UserFacingError';
  }
}
