/** The identifier grammar, and the words that may never be used as names. */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * JavaScript/TypeScript reserved and strict-mode words, plus globals whose shadowing or use would
 * change the meaning of generated code (`Math` and `String` are what function calls emit to).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'await', 'async', 'arguments', 'eval', 'undefined',
  'NaN', 'Infinity', 'globalThis', '__proto__', 'constructor', 'prototype', 'Math', 'String',
]);

/** Property names that reach into the prototype chain; never emitted after a ".". */
export const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  '__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__',
  '__lookupGetter__', '__lookupSetter__',
]);

export function isIdentifier(text: string): boolean {
  return IDENTIFIER_PATTERN.test(text);
}

export function isReservedWord(text: string): boolean {
  return RESERVED_WORDS.has(text);
}
