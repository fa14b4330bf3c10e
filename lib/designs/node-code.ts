/**
 * Finds the lines of generated workflows.ts that belong to one node, so the code view can
 * highlight the code of the selected node. The generator marks every step with
 * `stepTracker.enter('<node id>', '<label>')` or `stepTracker.enterWaiting(…)` (after the node's
 * description as a comment, when it has one), inside `case '<node id>': {` when the flow has loops or joins, and registers every
 * handler with `setHandler(<name>Signal|Query|Update, …)`.
 */
import { messageConstName } from '@/codegen/design';

export interface NodeRef {
  id: string;
  type: string;
  /** A handler's message name. */
  name?: string;
}

/** 1-based, inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

export function nodeCodeLines(code: string, node: NodeRef): LineRange | null {
  const lines = code.split('\n');
  if (node.type === 'signal' || node.type === 'query' || node.type === 'update') return handlerLines(lines, node.name, node.type);
  // A flow with loops is emitted as a state machine: one `case '<id>': { … }` per step.
  const caseAt = lines.findIndex((l) => l.trim() === `case '${node.id}': {`);
  if (caseAt >= 0) return blockLines(lines, caseAt);
  const marker = new RegExp(`stepTracker\\.enter(Waiting)?\\('${escapeRegExp(node.id)}'[,)]`);
  const at = lines.findIndex((l) => marker.test(l));
  if (at < 0) return null;
  const from = at > 0 && lines[at - 1]!.trim().startsWith('//') ? at - 1 : at;
  const indent = indentOf(lines[at]!);
  let to = at;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.includes('stepTracker.enter') || indentOf(line) < indent) break;
    if (indentOf(line) === indent && line.trim().startsWith('//')) break;
    to = i;
  }
  return { from: from + 1, to: to + 1 };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** From a line opening a block to the line closing it at the same indentation. */
function blockLines(lines: string[], at: number): LineRange {
  const indent = indentOf(lines[at]!);
  let to = at;
  for (let i = at + 1; i < lines.length; i++) {
    to = i;
    if (indentOf(lines[i]!) === indent && lines[i]!.trim().startsWith('}')) break;
  }
  return { from: at + 1, to: to + 1 };
}

function handlerLines(lines: string[], name: string | undefined, kind: 'signal' | 'query' | 'update'): LineRange | null {
  if (!name) return null;
  // The definition is named by the message's identifier, not its wire name: add_comment → addCommentUpdate.
  const definition = new RegExp(`\\b${messageConstName(name, kind)}\\b`);
  const at = lines.findIndex((l, i) => l.includes('setHandler(') && (definition.test(l) || definition.test(lines[i + 1] ?? '')));
  if (at < 0) return null;
  const from = at > 0 && lines[at - 1]!.trim().startsWith('//') ? at - 1 : at;
  const indent = indentOf(lines[at]!);
  let to = at;
  // The call ends at the first line back at its indentation that closes it.
  if (!lines[at]!.trimEnd().endsWith(';')) {
    for (let i = at + 1; i < lines.length; i++) {
      to = i;
      if (indentOf(lines[i]!) === indent && /^[)}]/.test(lines[i]!.trim())) break;
    }
  }
  return { from: from + 1, to: to + 1 };
}
