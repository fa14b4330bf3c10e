import * as prettier from 'prettier/standalone';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import { PieceCache } from './piece-cache';

/**
 * The babel-ts parser formats generated code byte-identically to the typescript parser and about
 * twice as fast (bench/codegen.ts); every golden file is the proof that the output is unchanged.
 */
export const PRETTIER_OPTIONS = {
  parser: 'babel-ts',
  plugins: [estree, babel],
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 100,
} as const;

/** Prettier on the whole source, no cache: the reference the piece cache must match byte for byte. */
export async function formatTypeScriptWhole(source: string): Promise<string> {
  return prettier.format(source, { ...PRETTIER_OPTIONS, plugins: [...PRETTIER_OPTIONS.plugins] });
}

/**
 * One cache per process: the live code view recompiles the same design after every edit, and
 * only the pieces an edit changed go through prettier again (codegen/format/piece-cache.ts). A
 * design seen for the first time is formatted whole and split into the cache afterwards.
 */
export const formatCache = new PieceCache(formatTypeScriptWhole, undefined, { wholeFirst: true });

/** Stage 5: formats emitted TypeScript; a syntax error here is a generator bug, so it throws. */
export async function formatTypeScript(source: string, options: { splitNow?: boolean } = {}): Promise<string> {
  return formatCache.format(source, options);
}
