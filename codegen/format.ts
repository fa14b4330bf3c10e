import * as prettier from 'prettier/standalone';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';

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

/** Stage 5: formats emitted TypeScript; a syntax error here is a generator bug, so it throws. */
export async function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, { ...PRETTIER_OPTIONS, plugins: [...PRETTIER_OPTIONS.plugins] });
}
