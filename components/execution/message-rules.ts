/**
 * What a message form tells the operator before they send: each field's type, and for an update
 * the rules its validator checks (from the design) — the rejection message, the condition as
 * written, and, for the simple shapes validators usually take, the condition in words
 * ("cardToken has at least 10 characters"). Pure and browser-safe.
 */
import { parseExpression, type Expr, type Field, type HandlerNode } from '@/codegen/design';

export interface MessageRule {
  /** What the caller is told when the rule does not hold. */
  message: string;
  /** The condition exactly as the design states it. */
  condition: string;
  /** The condition in words, or null when it is not a shape we can say plainly. */
  words: string | null;
}

/** `text`, `money (exact decimal)`, `list of numbers`, `list of {sku: text, price: money}`. */
export function fieldTypeLabel(field: Pick<Field, 'type' | 'items' | 'itemFields'>): string {
  const scalar = (type: string) => (type === 'string' ? 'text' : type === 'money' ? 'money (exact decimal)' : type);
  if (field.type !== 'list') return scalar(field.type);
  if (field.items === 'object') {
    const fields = (field.itemFields ?? []).map((f) => `${f.name}: ${f.type === 'string' ? 'text' : f.type}`);
    return `list of {${fields.join(', ')}}`;
  }
  const item = field.items ?? 'string';
  return `list of ${item === 'string' ? 'texts' : item === 'money' ? 'money amounts' : `${item}s`}`;
}

/** The rules an update's validator checks before the update is accepted (empty for signals and queries). */
export function validatorRules(node: HandlerNode): MessageRule[] {
  if (node.type !== 'update') return [];
  return node.validators.map((rule) => ({ message: rule.message, condition: rule.condition, words: conditionInWords(rule.condition, node.parameters) }));
}

const COMPARISONS: Partial<Record<string, string>> = {
  '>': 'is more than',
  '>=': 'is at least',
  '<': 'is less than',
  '<=': 'is at most',
  '==': 'is',
  '!=': 'is not',
};

/** After `len(x)`: "has more than 3 characters". */
const LENGTH_COMPARISONS: Partial<Record<string, string>> = {
  '>': 'more than',
  '>=': 'at least',
  '<': 'fewer than',
  '<=': 'at most',
  '==': 'exactly',
  '!=': 'not exactly',
};

/** A validator condition in words, or null when it is not a shape we say plainly. */
export function conditionInWords(condition: string, parameters: readonly Field[] = []): string | null {
  const parsed = parseExpression(condition);
  if (!parsed.ok) return null;
  const say = (e: Expr): string | null => {
    switch (e.kind) {
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const left = say(e.left);
          const right = say(e.right);
          return left && right ? `${left} ${e.op === '&&' ? 'and' : 'or'} ${right}` : null;
        }
        const length = lengthOf(e.left, parameters);
        const value = valueOf(e.right);
        if (length && value !== null && LENGTH_COMPARISONS[e.op]) {
          if (length.trimmed && e.op === '>' && value === '0') return `${length.name} is not blank`;
          return `${length.subject} has ${LENGTH_COMPARISONS[e.op]} ${value} ${length.unit}`;
        }
        const subject = nameOf(e.left);
        if (subject && value !== null && COMPARISONS[e.op]) return `${subject} ${COMPARISONS[e.op]} ${value}`;
        return null;
      }
      case 'unary': {
        const subject = e.op === '!' ? nameOf(e.operand) : null;
        return subject ? `${subject} is false` : null;
      }
      case 'member':
      case 'identifier': {
        const subject = nameOf(e);
        return subject ? `${subject} is true` : null;
      }
      default:
        return null;
    }
  };
  return say(parsed.ast);
}

/** `args.cardToken` → `cardToken`, a workflow variable → its name; null for anything else. */
function nameOf(e: Expr): string | null {
  if (e.kind === 'identifier') return e.name;
  if (e.kind === 'member' && e.object.kind === 'identifier' && e.object.name === 'args') return e.property;
  return null;
}

/** A literal as the operator would type it: 10, "pending", 0 for money("0"). */
function valueOf(e: Expr): string | null {
  if (e.kind === 'number' || e.kind === 'boolean') return String(e.value);
  if (e.kind === 'string') return JSON.stringify(e.value);
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'number') return `-${e.operand.value}`;
  if (e.kind === 'call' && e.callee === 'money' && e.args[0]?.kind === 'string') return e.args[0].value;
  return null;
}

/** `len(x)` or `len(trim(x))`: what is measured and in what (characters of a text, items of a list). */
function lengthOf(e: Expr, parameters: readonly Field[]): { name: string; subject: string; unit: string; trimmed: boolean } | null {
  if (e.kind !== 'call' || e.callee !== 'len' || e.args.length !== 1) return null;
  let inner = e.args[0]!;
  const trimmed = inner.kind === 'call' && inner.callee === 'trim' && inner.args.length === 1;
  if (trimmed && inner.kind === 'call') inner = inner.args[0]!;
  const subject = nameOf(inner);
  if (!subject) return null;
  const isArg = inner.kind === 'member';
  const parameter = isArg ? parameters.find((p) => p.name === subject) : undefined;
  // A parameter's declared type says characters or items; a variable measured by len is most often a list.
  const unit = trimmed || parameter?.type === 'string' ? 'characters' : parameter?.type === 'list' || !isArg ? 'items' : 'characters';
  return { name: subject, subject: trimmed ? `${subject} (trimmed)` : subject, unit, trimmed };
}
