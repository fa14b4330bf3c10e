/**
 * What the exported path explorer may send: the start input and every signal and update, each
 * with a plain example and variants (one field changed at a time). Variants include the literals
 * the design's own conditions compare with (status == "paid", amount > 1000), so a branch guarded
 * by one is within reach. Rendered into src/workflow.test.ts as data.
 */
import type { IrHandler, IrStatement, TsInterface, WorkflowIr } from '../ir/types';
import { exampleValue } from './model';

type Payload = Record<string, unknown>;

export interface CatalogMessage {
  kind: 'signal' | 'update';
  name: string;
  baseline: Payload | null;
  variants: Payload[];
  /** Sent one argument per field, in the payload's key order (else the payload is the one argument). */
  positional?: true;
}

export interface Catalog {
  input: { baseline: Payload | null; variants: Payload[]; positional?: true };
  messages: CatalogMessage[];
}

/** At most this many variants of one field: the explorer's budget is better spent on sequences. */
const VARIANTS_PER_FIELD = 8;

export function explorationCatalog(ir: WorkflowIr): Catalog {
  const literals = designLiterals(ir);
  return {
    // A positional payload's fields, in order: the values are sent as they are listed.
    input: ir.positionalInputCode ? { ...payloadVariants(ir.inputFields, literals), positional: true } : payloadVariants(ir.input, literals),
    messages: ir.handlers
      .filter((h): h is Exclude<IrHandler, { kind: 'query' }> => h.kind !== 'query')
      .map((h) =>
        h.positional ? { kind: h.kind, name: h.messageName, ...payloadVariants({ name: h.messageName, fields: h.parameterFields }, literals), positional: true as const } : { kind: h.kind, name: h.messageName, ...payloadVariants(h.args, literals) },
      ),
  };
}

function payloadVariants(shape: TsInterface | null, literals: Literals): { baseline: Payload | null; variants: Payload[] } {
  if (!shape) return { baseline: null, variants: [] };
  const baseline: Payload = Object.fromEntries(shape.fields.map((f) => [f.name, JSON.parse(exampleJson(f.name, f.tsType))]));
  const variants = shape.fields.flatMap((field) =>
    fieldVariants(field.tsType, literals)
      .filter((value) => JSON.stringify(value) !== JSON.stringify(baseline[field.name]))
      .slice(0, VARIANTS_PER_FIELD)
      .map((value) => ({ ...baseline, [field.name]: value })),
  );
  return { baseline, variants };
}

function exampleJson(name: string, tsType: string): string {
  // exampleValue writes code literals for the README and client tests; for the primitives and
  // empty lists it emits, they are JSON too.
  return exampleValue(name, tsType);
}

function fieldVariants(tsType: string, literals: Literals): unknown[] {
  const near = literals.numbers.flatMap((n) => [n, n + 1, n - 1]);
  switch (tsType) {
    case 'string':
      return [...literals.strings, ''];
    case 'number':
      return [...near, 0, -1, 1_000_000];
    case 'boolean':
      return [true, false];
    case 'Money':
      return [...near.filter((n) => n >= 0).map((n) => n.toFixed(2)), '0.00', '1000000.00'];
    default:
      return [];
  }
}

interface Literals {
  strings: string[];
  numbers: number[];
}

/** String and number literals in the design's conditions, rules and assignments. */
function designLiterals(ir: WorkflowIr): Literals {
  const codes: string[] = [];
  const walk = (body: IrStatement[]): void => {
    for (const s of body) {
      if (s.kind === 'wait') {
        codes.push(s.conditionCode);
        walk(s.onMet);
        walk(s.onTimeout);
      } else if (s.kind === 'decision') {
        for (const b of s.branches) {
          codes.push(b.conditionCode);
          walk(b.body);
        }
        walk(s.elseBody);
      } else if (s.kind === 'stateMachine') for (const c of s.cases) walk(c.body);
      else if ((s.kind === 'activity' || s.kind === 'childWorkflow') && s.onFailure) walk(s.onFailure.body);
    }
  };
  walk(ir.body);
  for (const h of ir.handlers) {
    if (h.kind === 'query') continue;
    if (h.skipWhenCode) codes.push(h.skipWhenCode);
    if (h.kind === 'update') codes.push(...[...h.validators, ...h.checks].map((r) => r.rejectWhenCode), h.waitUntilCode ?? '');
  }
  const strings = new Set<string>();
  const numbers = new Set<number>();
  for (const code of codes) {
    for (const [literal] of code.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g)) {
      const text = literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.slice(1, -1).replace(/\\'/g, "'");
      if (text.length <= 100) strings.add(text);
    }
    const withoutStrings = code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    for (const [literal] of withoutStrings.matchAll(/(?<![\w$.])\d+(?:\.\d+)?(?![\w$])/g)) numbers.add(Number(literal));
  }
  return { strings: [...strings].slice(0, VARIANTS_PER_FIELD), numbers: [...numbers].slice(0, VARIANTS_PER_FIELD) };
}
