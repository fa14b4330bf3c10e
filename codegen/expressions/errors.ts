/** An error in an expression, phrased for a business user, with its character range in the source. */
export interface ExprError {
  message: string;
  /** 0-based offset of the first character concerned. */
  start: number;
  /** 0-based offset just past the last character concerned. */
  end: number;
}

/** Thrown inside the lexer and parser only; caught at their public boundary. */
export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'ExprSyntaxError';
  }

  toExprError(): ExprError {
    return { message: this.message, start: this.start, end: this.end };
  }
}

export function at(position: number): string {
  return `at position ${position}`;
}

/** Quotes a piece of the user's text for a message, shortened and with invisible characters named. */
export function quote(text: string, max = 24): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${short}"`;
}

/** Names one character: "é" when it is visible, U+00A0 when it is not. */
export function describeChar(ch: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)) return `"${ch}"`;
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
