import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { CUSTOM_ACTIVITY_ALLOWED_IMPORTS, isAllowedActivityImport } from '../activities';
import type { Diagnostic } from '../diagnostics';

/**
 * The verifier's view of custom activities: the user's files (activities/<name>.ts) are
 * type-checked together with the generated code, and every finding in them — or in the line of
 * activities.ts that holds one to its declared signature — is reported on the activity, at the
 * line and column inside the user's own source.
 */

const ACTIVITY_DIR = 'activities';

/** The custom activity files of a build directory, relative to it ("activities/<name>.ts"). */
export function customActivityFiles(dir: string): string[] {
  const folder = join(dir, ACTIVITY_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => `${ACTIVITY_DIR}/${f}`);
}

/** The activity a file holds, when it is a custom activity file of `dir`. */
export function activityOfFile(dir: string, fileName: string): string | null {
  const rel = relative(dir, fileName).split(sep).join('/');
  const match = /^activities\/([A-Za-z_][A-Za-z0-9_]*)\.ts$/.exec(rel);
  return match ? match[1]! : null;
}

function located(activity: string, file: ts.SourceFile, start: number, length: number, code: string, text: string): Diagnostic {
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return {
    severity: 'error',
    code,
    message: `Custom activity ${JSON.stringify(activity)}, line ${line + 1}, column ${character + 1}: ${text}`,
    activity,
    field: 'source',
    range: { start, end: start + Math.max(length, 1) },
  };
}

/** Imports outside the allow-list (Node built-ins, a few @temporalio packages): static, re-exports, `import()` and `require()`. */
export function checkActivityImports(activity: string, file: ts.SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (specifier: ts.Expression | undefined): void => {
    if (!specifier) return;
    if (!ts.isStringLiteralLike(specifier)) {
      diagnostics.push(located(activity, file, specifier.getStart(file), specifier.getWidth(file), 'activity.import', 'imports must name a module in a string literal'));
      return;
    }
    if (!isAllowedActivityImport(specifier.text)) {
      const allowed = ['node:… built-ins', ...CUSTOM_ACTIVITY_ALLOWED_IMPORTS].join(', ');
      diagnostics.push(
        located(activity, file, specifier.getStart(file), specifier.getWidth(file), 'activity.import', `${JSON.stringify(specifier.text)} cannot be imported: custom activities run in the worker host and may import only ${allowed}`),
      );
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) check(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) check(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      check(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) check(node.argument.literal as ts.Expression);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return diagnostics;
}

/**
 * A compiler diagnostic on a custom activity, or null when it concerns generated code only.
 * In the user's file: where it is. In activities.ts, on `export const <name>: <signature> = …`:
 * the user's function does not match the declared signature, reported at the function in their file.
 */
export function activityDiagnostic(d: ts.Diagnostic, dir: string, program: ts.Program): Diagnostic | null {
  if (!d.file || d.start === undefined) return null;
  const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const own = activityOfFile(dir, d.file.fileName);
  if (own) return located(own, d.file, d.start, d.length ?? 1, 'activity.typecheck', text);
  if (relative(dir, d.file.fileName) !== 'activities.ts') return null;
  const name = exportedConstAt(d.file, d.start);
  if (!name) return null;
  const userFile = program.getSourceFile(join(dir, ACTIVITY_DIR, `${name}.ts`));
  if (!userFile) return null;
  const exported = exportedDeclaration(userFile, name);
  const message = exported
    ? `${name} does not match the signature the design declares: ${text}`
    : `the file must export a function named ${name}: export async function ${name}(…)`;
  return located(name, userFile, exported?.getStart(userFile) ?? 0, exported?.getWidth(userFile) ?? 1, 'activity.signature', message);
}

/** The custom activity whose `export const` (or import) in activities.ts contains `position`. */
function exportedConstAt(file: ts.SourceFile, position: number): string | null {
  for (const statement of file.statements) {
    if (position < statement.getStart(file) || position > statement.getEnd()) continue;
    // `import { x as xImplementation } from './activities/x'`: the file does not export x.
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const match = /^\.\/activities\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(statement.moduleSpecifier.text);
      if (match) return match[1]!;
    }
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations[0];
    if (declaration && ts.isIdentifier(declaration.name)) return declaration.name.text;
  }
  return null;
}

/** The user's exported declaration of `name` (a function, or a const), for pointing at it. */
function exportedDeclaration(file: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement.name;
    if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration) return declaration.name;
    }
  }
  return undefined;
}
