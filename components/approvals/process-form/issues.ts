/**
 * The process form's refusals, as the form shows them: each problem once (the server may name a
 * field twice, e.g. an empty name "needs a name" and "needs at least one letter"), in words, and
 * the control it concerns found on the page so the summary can take the user there.
 */
import { describeIssuePath, type SpecIssue } from '@/lib/approvals/spec';

/** One line of the summary: a path, the words for it, and its messages without repeats. */
export interface IssueLine {
  path: string;
  where: string;
  messages: string[];
}

/** Where a path is, in words: the top-level name is the process's. */
export function whereInWords(path: string): string {
  if (path === 'name') return 'Process name';
  return path ? describeIssuePath(path) : 'The process';
}

/** Issues grouped by path in their order, each message once. */
export function issueLines(issues: readonly SpecIssue[]): IssueLine[] {
  const byPath = new Map<string, IssueLine>();
  for (const { path, message } of issues) {
    const line = byPath.get(path) ?? { path, where: whereInWords(path), messages: [] };
    if (!line.messages.includes(message)) line.messages.push(message);
    byPath.set(path, line);
  }
  return [...byPath.values()];
}

/** "Level 1 › approvals needed: needs 4 approvals but only 3 approvers are listed." */
export function sentenceOf(line: IssueLine): string {
  const text = `${line.where}: ${line.messages.join('; ')}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The DOM id of an inline message, for aria-describedby. */
export const issueElementId = (path: string) => `process-issue-${path.replace(/[^A-Za-z0-9_-]/g, '-') || 'process'}`;

/**
 * The control a path names: the element marked `data-issue-path` with that path, else with the
 * nearest enclosing path ("levels.0.onDeadline.then.to.name" → "levels.0.onDeadline.then" → …),
 * and in it the first control a user can focus.
 */
export function controlFor(root: ParentNode, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const container = root.querySelector<HTMLElement>(`[data-issue-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (!container) continue;
    if (container.matches('input, select, textarea, button')) return container;
    const control = container.querySelector<HTMLElement>('input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea, button:not(:disabled)');
    if (control) return control;
  }
  return null;
}
