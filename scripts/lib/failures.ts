/**
 * Short failure excerpts for the summary: CI logs are often read from their tail only, so the
 * summary names each failed test and its first error line instead of leaving them thousands of
 * lines above.
 */

const MAX_FAILURES = 12;

/** From node's spec reporter: the "✖ failing tests:" block, one entry per failed test. */
export function nodeFailures(lines: string[]): string[] {
  const start = lines.findIndex((line) => line.trim() === '✖ failing tests:');
  if (start < 0) return [];
  const failures: string[] = [];
  let location = '';
  for (let i = start + 1; i < lines.length && failures.length < MAX_FAILURES; i++) {
    const line = lines[i]!.trim();
    const at = /^test at (.+)$/.exec(line);
    if (at) {
      location = at[1]!;
      continue;
    }
    const failed = /^✖ (.+?)(?: \([\d.]+m?s\))?$/.exec(line);
    if (!failed) continue;
    failures.push(`${failed[1]}${location ? ` (${location})` : ''}: ${firstMessage(lines, i + 1)}`);
    location = '';
  }
  return failures;
}

/** From Playwright's list reporter: the "N failed" block listing each failed test. */
export function playwrightFailures(lines: string[]): string[] {
  const start = lines.findIndex((line) => /^\d+ failed$/.test(line.trim()));
  if (start < 0) return [];
  const failures: string[] = [];
  for (let i = start + 1; i < lines.length && failures.length < MAX_FAILURES; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('[')) break;
    failures.push(line);
  }
  return failures;
}

/** The first line after a failed test's name that is neither blank nor a stack frame. */
function firstMessage(lines: string[], from: number): string {
  for (let i = from; i < lines.length && i < from + 20; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('at ') || line.startsWith('test at ')) continue;
    if (line.startsWith('✖ ')) break;
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
  }
  return '(no message)';
}
