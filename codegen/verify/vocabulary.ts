/**
 * What the generator itself can write, independent of any design: the words and string literals
 * in the templates and in the code generator's own string constants. The safety property test
 * traces every token of generated code to this vocabulary or to a validated design name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { templatesDir } from '../templates-dir';

export interface GeneratorVocabulary {
  identifiers: Set<string>;
  strings: Set<string>;
  /** All template text, for tokens that must appear in a template verbatim (block comments). */
  templateText: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const WORD = /[A-Za-z_$][\w$]*/g;
let cached: GeneratorVocabulary | null = null;

export function generatorVocabulary(): GeneratorVocabulary {
  if (cached) return cached;
  const identifiers = new Set<string>();
  const strings = new Set<string>();
  const templates = filesUnder(templatesDir(), '.hbs').map((file) => readFileSync(file, 'utf8'));
  for (const template of templates) {
    for (const [word] of template.matchAll(WORD)) identifiers.add(word);
    for (const [, value] of template.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) strings.add(value);
  }
  const generatorSources = filesUnder(join(ROOT, 'codegen'), '.ts').filter((file) => !/\.test\.ts$|[\\/](testing|verify|export)[\\/]|__golden__/.test(file));
  for (const file of generatorSources) {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, readFileSync(file, 'utf8'));
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
      if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
        strings.add(scanner.getTokenValue());
        for (const [word] of scanner.getTokenValue().matchAll(WORD)) identifiers.add(word);
      }
      // Inside `${…}` the scanner needs re-scanning to continue a template; its text holds words too.
      if (token === ts.SyntaxKind.TemplateHead) for (const [word] of scanner.getTokenText().matchAll(WORD)) identifiers.add(word);
      if (token === ts.SyntaxKind.CloseBraceToken) {
        const next = scanner.reScanTemplateToken(false);
        if (next === ts.SyntaxKind.TemplateMiddle || next === ts.SyntaxKind.TemplateTail) for (const [word] of scanner.getTokenText().matchAll(WORD)) identifiers.add(word);
      }
    }
  }
  cached = { identifiers, strings, templateText: templates.join('\n') };
  return cached;
}

function filesUnder(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, extension));
    else if (entry.name.endsWith(extension)) found.push(path);
  }
  return found;
}
