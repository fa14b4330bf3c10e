/**
 * Amounts and numbers as people type them in their own locale — "1,500.00" (en), "1.500,00" (de),
 * "1 500,00 €" (fr), "$1,500" — read into the exact decimal text the workflows expect ("1500.00":
 * digits, "." before the fraction, never a float). Pure and browser-safe.
 *
 * The rules, ambiguity included:
 * - Currency signs and codes ($, €, £, ¥, ₹, CHF, USD, EUR, …) and spaces around them are ignored.
 * - Spaces, no-break spaces and apostrophes between digits group thousands (fr "1 500", ch "1'500").
 * - With both "." and ",", the one further right is the decimal separator ("1.500,00" is 1500.00 in
 *   any locale) and the other must group thousands properly.
 * - With one kind only, the locale decides: "1,500" is 1500 in en but 1.5 in de; "1.500" is 1.5 in
 *   en but 1500 in de. A separator that cannot group thousands there ("1,50" in en) is refused
 *   with a message saying how to write it rather than guessed.
 * - A separator the locale uses for neither (the "." in fr) is a decimal point when it occurs once.
 */

export type NumberReading = { value: string } | { error: string };

interface Separators {
  decimal: string;
  group: string;
}

const CURRENCY = /[$€£¥₹₩₽¤]|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|CNY)\b/gi;
/** Spaces (incl. the no-break and narrow no-break spaces fr-FR formats with) and apostrophes that group digits. */
const SPACE_GROUP = /(?<=\d)[\s\u00a0\u202f'’](?=\d)/g;

/** The decimal and group separators `locale` writes, from Intl (falls back to en for an unknown locale). */
export function separatorsOf(locale: string): Separators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.5);
  } catch {
    parts = new Intl.NumberFormat('en-US').formatToParts(12345.5);
  }
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const rawGroup = parts.find((p) => p.type === 'group')?.value ?? ',';
  // fr-FR and others group with a (narrow) no-break space: typed as a space, handled with spaces.
  const group = /[\s\u00a0\u202f]/.test(rawGroup) ? ' ' : rawGroup;
  return { decimal, group };
}

/** 1500 with cents written the way `locale` writes it ("1,500.00", "1.500,00", "1 500,00"): for examples in messages. */
export function exampleAmount(locale: string): string {
  const { decimal, group } = separatorsOf(locale);
  return `1${group === ' ' ? ' ' : group}500${decimal}00`;
}

/** Digits grouped by thousands: 1–3 digits, then groups of exactly 3. */
const WELL_GROUPED = /^\d{1,3}(?:,\d{3})+$/;

function joinGroups(integer: string, separator: string): string | null {
  const normalised = integer.split(separator).join(',');
  return WELL_GROUPED.test(normalised) ? normalised.replace(/,/g, '') : null;
}

/** Leading zeros dropped ("007" → "7", "0" stays), so the text matches the workflows' decimal format. */
function canonical(sign: string, integer: string, fraction: string | null): string {
  const whole = integer.replace(/^0+(?=\d)/, '');
  const text = fraction === null ? whole : `${whole}.${fraction}`;
  return sign && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * Reads `text` as a decimal number typed in `locale`. `what` is the kind of thing in messages
 * ("an amount" / "a number"); the example shows the locale's own format.
 */
export function readLocaleDecimal(text: string, locale: string, { what = 'an amount' }: { what?: string } = {}): NumberReading {
  const example = exampleAmount(locale);
  const askFor = `type ${what} like ${example}`;
  let s = text.replace(CURRENCY, ' ').trim();
  if (s === '') return { error: askFor };
  let sign = '';
  if (/^[-−–]/.test(s) || /[-−–]$/.test(s)) {
    sign = '-';
    s = s.replace(/^[-−–]|[-−–]$/, '').trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  s = s.replace(SPACE_GROUP, ' ');
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return { error: askFor };
  const { decimal, group } = separatorsOf(locale);

  // Spaces group thousands; whatever else is left decides below.
  let spaced = s;
  if (spaced.includes(' ')) {
    const [head, ...rest] = spaced.split(/(?=[.,][^.,]*$)/); // spaces may only be in the integer part
    if (rest.join('').includes(' ')) return { error: askFor };
    const joined = joinGroups(head!, ' ');
    if (joined === null || /[.,]/.test(head!)) return { error: `${askFor} (spaces may only separate thousands)` };
    spaced = joined + rest.join('');
  }

  const dots = (spaced.match(/\./g) ?? []).length;
  const commas = (spaced.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return { value: canonical(sign, spaced, null) };

  // Both kinds: the rightmost one is the decimal separator.
  if (dots > 0 && commas > 0) {
    const decimalSign = spaced.lastIndexOf('.') > spaced.lastIndexOf(',') ? '.' : ',';
    const groupSign = decimalSign === '.' ? ',' : '.';
    const at = spaced.lastIndexOf(decimalSign);
    const integer = joinGroups(spaced.slice(0, at), groupSign);
    const fraction = spaced.slice(at + 1);
    if (integer === null || fraction.includes(groupSign) || fraction.includes(decimalSign) || fraction === '') return { error: askFor };
    return { value: canonical(sign, integer, fraction) };
  }

  const separator = dots > 0 ? '.' : ',';
  const count = dots + commas;
  const at = spaced.lastIndexOf(separator);
  const integer = spaced.slice(0, at);
  const fraction = spaced.slice(at + 1);
  if (separator === group) {
    // "1,500" in en is 1500 — but only if it groups thousands; "1,50" is refused, not guessed.
    const joined = joinGroups(spaced, separator);
    if (joined !== null) return { value: canonical(sign, joined, null) };
    const other = separator === '.' ? ',' : '.';
    return { error: `${askFor} — here "${separator}" separates thousands; write the decimals after "${decimal === separator ? other : decimal}"` };
  }
  // The locale's decimal separator, or one it does not use at all (the "." typed in fr): a decimal point when it occurs once.
  if (count === 1 && integer !== '' && fraction !== '') return { value: canonical(sign, integer, fraction) };
  if (count === 1 && integer === '' && fraction !== '') return { value: canonical(sign, '0', fraction) };
  if (separator !== decimal && count > 1) {
    const joined = joinGroups(spaced, separator);
    if (joined !== null) return { value: canonical(sign, joined, null) };
  }
  return { error: askFor };
}

/** The browser's locale (navigator.language), or en-US where there is none (tests, the server). */
export function userLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
}
