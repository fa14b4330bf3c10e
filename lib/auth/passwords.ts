/** Password hashing with argon2id (@node-rs/argon2, its OWASP-recommended defaults) and the password rules. */
import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './limits';
import { weakPasswordProblem } from './password-strength';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** Why a new password is not acceptable (length, then guessability by zxcvbn), or null when it is. */
export function passwordProblem(password: string, related: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() === '') return 'The password must not be only spaces';
  const weak = weakPasswordProblem(password, related);
  return weak ? `The password ${weak}` : null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed or missing hash (never throws for those). */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the username does not exist, so that a
 * sign-in takes as long for an unknown user as for a wrong password (no username probing by timing).
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash(`decoy-${Math.random()}`);
  return decoyHash;
}
