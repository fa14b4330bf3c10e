import * as prettier from 'prettier/standalone';
import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';

export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  plugins: [estree, typescript],
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 100,
} as const;

/** Stage 5: formats emitted TypeScript; a syntax error here is a generator bug, so it throws. */
export async function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, { ...PRETTIER_OPTIONS, plugins: [...PRETTIER_OPTIONS.plugins] });
}
