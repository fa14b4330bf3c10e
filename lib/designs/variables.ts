import { hasPlaceholders, parseExpression, parseTextTemplate, referencedNames, tokenize, tokenizeText, type Design, type Token } from '@/codegen/design';
import { EXPRESSION_KEYS, EXPRESSION_MAP_KEYS, VARIABLE_KEYS } from './expression-fields';

/**
 * Variables across a design: where each is used, and renaming one everywhere.
 * Expressions are never edited as raw text: renames go through the expression lexer, replacing
 * only name tokens that are not a property (`input.x`, `args.x` keep their `x`), so strings and
 * other names with the same letters are untouched.
 */

export interface Usage {
  /** The node using it; undefined for another variable's initial value. */
  nodeId?: string;
  /** Path inside the node (or `variables.N.initial`), as diagnostics name fields. */
  field: string;
}

/** Renames `name` token-wise in one expression; text that does not lex is returned unchanged. */
export function renameInExpression(text: string, from: string, to: string): string {
  const lexed = tokenize(text);
  return lexed.ok ? renameInTokens(text, withTemplateParts(lexed.tokens), from, to) : text;
}

/** Renames `name` in the `{…}` parts of a validator's message ("Item {args.sku} in {cartName}"). */
export function renameInMessage(text: string, from: string, to: string): string {
  if (!hasPlaceholders(text)) return text;
  const lexed = tokenizeText(text);
  return lexed.ok ? renameInTokens(text, withTemplateParts([lexed.token]), from, to) : text;
}

function renameInTokens(text: string, tokens: readonly Token[], from: string, to: string): string {
  const isPunct = (t: Token | undefined, op: string) => t?.type === 'punct' && t.op === op;
  let out = text;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type !== 'word' || t.text !== from) continue;
    const prev = tokens[i - 1];
    if (isPunct(prev, '.')) continue; // a property, not the variable
    // A record's key (`{total: …}`) is what clients read, not the variable.
    if (isPunct(tokens[i + 1], ':') && (isPunct(prev, '{') || isPunct(prev, ','))) continue;
    out = out.slice(0, t.start) + to + out.slice(t.end);
  }
  return out;
}

/** The tokens with each f-string's `{…}` parts spliced in (their positions are in the whole text). */
function withTemplateParts(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) =>
    t.type === 'template' ? t.parts.flatMap((part) => ('tokens' in part ? withTemplateParts(part.tokens.filter((p) => p.type !== 'eof')) : [])) : [t],
  );
}

/** True when the expression reads `name` as a top-level name (parsed when possible, else lexed). */
export function expressionUses(text: string, name: string): boolean {
  const parsed = parseExpression(text);
  if (parsed.ok) return referencedNames(parsed.ast).has(name);
  return renameInExpression(text, name, `${name}\u0000`) !== text;
}

type Visitor = {
  expression: (text: string, field: string) => string;
  variable: (text: string, field: string) => string;
  /** A validator's or check's message, whose `{…}` parts are expressions. */
  message: (text: string, field: string) => string;
};

const RULE_MESSAGE = /(^|\.)(validators|checks)\.\d+\.message$/;

function messageUses(text: string, name: string): boolean {
  if (!hasPlaceholders(text)) return false;
  const parsed = parseTextTemplate(text);
  return parsed.ok ? referencedNames(parsed.ast).has(name) : renameInMessage(text, name, `${name}\u0000`) !== text;
}

/** Rebuilds a value, passing every expression and variable reference through the visitor. */
function walk(value: unknown, path: string, key: string, visit: Visitor): unknown {
  if (typeof value === 'string') {
    if (EXPRESSION_KEYS.has(key)) return visit.expression(value, path);
    if (VARIABLE_KEYS.has(key)) return visit.variable(value, path);
    if (RULE_MESSAGE.test(path)) return visit.message(value, path);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`, key, visit));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const field = path ? `${path}.${k}` : k;
        if (EXPRESSION_MAP_KEYS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
          return [k, Object.fromEntries(Object.entries(v).map(([arg, text]) =>
            [arg, typeof text === 'string' ? visit.expression(text, `${field}.${arg}`) : text]))];
        }
        return [k, walk(v, field, k, visit)];
      }),
    );
  }
  return value;
}

function visitDesign(design: Design, visit: (nodeId: string | undefined) => Visitor): Design {
  return {
    ...design,
    variables: design.variables.map((v, i) => ({ ...v, initial: visit(undefined).expression(v.initial, `variables.${i}.initial`) })),
    nodes: design.nodes.map((node) => walk(node, '', '', visit(node.id)) as typeof node),
  };
}

/** Every place a variable is read or assigned. */
export function variableUsages(design: Design, name: string): Usage[] {
  const usages: Usage[] = [];
  visitDesign(design, (nodeId) => ({
    expression: (text, field) => {
      if (expressionUses(text, name)) usages.push({ nodeId, field });
      return text;
    },
    variable: (text, field) => {
      if (text === name) usages.push({ nodeId, field });
      return text;
    },
    message: (text, field) => {
      if (messageUses(text, name)) usages.push({ nodeId, field });
      return text;
    },
  }));
  return usages;
}

/** Renames a variable: its declaration, every assignment to it and every expression reading it. */
export function renameVariable(design: Design, from: string, to: string): Design {
  if (from === to) return design;
  const renamed = visitDesign(design, () => ({
    expression: (text) => renameInExpression(text, from, to),
    variable: (text) => (text === from ? to : text),
    message: (text) => renameInMessage(text, from, to),
  }));
  return { ...renamed, variables: renamed.variables.map((v) => (v.name === from ? { ...v, name: to } : v)) };
}

/** Removes a variable's declaration (its uses stay, and show up as diagnostics to fix). */
export function removeVariable(design: Design, name: string): Design {
  return { ...design, variables: design.variables.filter((v) => v.name !== name) };
}
