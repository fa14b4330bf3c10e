/** Errors the server-side modules throw and the API maps to responses. */
import 'server-only';

/** Something asked for does not exist (404). */
export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly code = 'not-found',
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Bad input, with the field concerned (400). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code = 'input.invalid',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
