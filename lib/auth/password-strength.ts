/**
 * How guessable a new password is, by zxcvbn (@zxcvbn-ts, maintained; its common-password,
 * name and word lists, keyboard patterns, dates, repeats, l33t). Server-only: the dictionaries
 * are large and the server decides anyway.
 */
import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** zxcvbn's scale: 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_STRENGTH_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/** Why the password is too easy to guess (names what it looks like), or null. `related`: the username and such. */
export function weakPasswordProblem(password: string, related: readonly string[] = []): string | null {
  const result = zxcvbn().check(password, related.filter(Boolean));
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const why = WARNINGS[result.feedback.warning ?? ''] ?? 'it is too easy to guess';
  return `is too easy to guess (${why}): use a longer phrase of several unrelated words`;
}

// zxcvbn-ts gives warning keys; without a translation package these read as plain English.
const WARNINGS: Record<string, string> = {
  topTen: 'one of the ten most used passwords',
  topHundred: 'one of the hundred most used passwords',
  common: 'a very common password',
  similarToCommon: 'close to a common password',
  wordByItself: 'a single word',
  namesByThemselves: 'a name',
  commonNames: 'a common name',
  userInputs: 'it contains your user name or other account details',
  straightRow: 'a row of keys',
  keyPattern: 'a keyboard pattern',
  simpleRepeat: 'repeated characters',
  extendedRepeat: 'a repeated pattern',
  sequences: 'a sequence such as abc or 123',
  recentYears: 'a recent year',
  dates: 'a date',
};
