import type Handlebars from 'handlebars';

/**
 * The only helpers templates may use. Escaping is the emitter's job (Handlebars runs with
 * noEscape): `str` makes a string literal, `comment` keeps any text inside line comments.
 */
export function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('str', (value: unknown) => JSON.stringify(String(value)));
  handlebars.registerHelper('comment', (value: unknown) => lineComment(String(value ?? '')));
  handlebars.registerHelper('join', (items: unknown, separator: unknown) =>
    Array.isArray(items) ? items.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
  );
  handlebars.registerHelper('pluck', (items: unknown, key: unknown) =>
    Array.isArray(items) && typeof key === 'string' ? items.map((item: Record<string, unknown>) => item[key]) : [],
  );
  handlebars.registerHelper('or', (...values: unknown[]) => values.slice(0, -1).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))));
  handlebars.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''));
}

/** Text as `//` comment lines: every line break (including U+2028/9) starts a new comment line. */
export function lineComment(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trimEnd())
    .map((line) => (line ? `// ${line}` : '//'))
    .join('\n');
}
