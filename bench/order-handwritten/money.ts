/**
 * Exact amounts as integer cents: the client sends and receives decimal strings ("1299.99"),
 * the workflow adds bigints, so 1299.99 + 2 × 29.99 is 1359.97 and never 1359.9699999999998.
 */
import { ApplicationFailure } from '@temporalio/workflow';

const AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;

export function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount);
  // Extra decimals are allowed only as trailing zeros ("1359.970" is 1359.97).
  const fraction = match?.[3]?.replace(/(?<=^\d\d)0+$/, '') ?? '';
  if (!match || fraction.length > 2) {
    throw ApplicationFailure.nonRetryable(`"${amount}" is not an amount of money; write digits such as "1299.99"`, 'InvalidMoney');
  }
  const cents = BigInt(match[2]!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
