'use client';
import type { DesignDiff } from '@/lib/designs/diff';
import styles from './VersionHistory.module.css';
import type { VersionDiffAnswer } from './versions-api';

function named(kind: string, changes: DesignDiff['inputs']): string[] {
  return [
    ...changes.added.map((n) => `+ ${kind} ${n} added`),
    ...changes.removed.map((n) => `− ${kind} ${n} removed`),
    ...changes.changed.map((n) => `~ ${kind} ${n} changed`),
  ];
}

/** The lines of the summary: steps added/removed/changed (with their fields), edges, workflow fields, inputs, variables, activities. */
export function summaryLines(d: DesignDiff): { text: string; tone: 'added' | 'removed' | 'changed' }[] {
  return [
    ...d.steps.added.map((s) => ({ text: `Step "${s.label}" (${s.type}) added`, tone: 'added' as const })),
    ...d.steps.removed.map((s) => ({ text: `Step "${s.label}" (${s.type}) removed`, tone: 'removed' as const })),
    ...d.steps.changed.map((s) => ({ text: `Step "${s.label}" changed: ${s.fields.join(', ')}`, tone: 'changed' as const })),
    ...d.edges.added.map((e) => ({ text: `Connection ${e.source} → ${e.target}${e.sourceHandle ? ` (${e.sourceHandle})` : ''} added`, tone: 'added' as const })),
    ...d.edges.removed.map((e) => ({ text: `Connection ${e.source} → ${e.target}${e.sourceHandle ? ` (${e.sourceHandle})` : ''} removed`, tone: 'removed' as const })),
    ...d.workflow.map((f) => ({ text: `Workflow ${f} changed`, tone: 'changed' as const })),
    ...[...named('input', d.inputs), ...named('variable', d.variables), ...named('activity', d.activities)].map((text) => ({
      text: text.slice(2),
      tone: text.startsWith('+') ? ('added' as const) : text.startsWith('−') ? ('removed' as const) : ('changed' as const),
    })),
  ];
}

/** What changed from one version to another: the summary, then the generated code's diff per file. */
export function VersionDiffView({ diff }: { diff: VersionDiffAnswer }) {
  const lines = summaryLines(diff.summary);
  return (
    <section className={styles.diff} data-testid="version-diff" aria-label={`Changes from v${diff.from} to v${diff.to}`}>
      <strong>Changes from v{diff.from} to v{diff.to}</strong>
      {diff.summary.same ? <p className="muted">No differences in the design.</p> : (
        <ul className={styles.summary} data-testid="diff-summary">
          {lines.map((l) => <li key={l.text} className={l.tone === 'changed' ? undefined : styles[l.tone]}>{l.text}</li>)}
        </ul>
      )}
      <strong>Generated code</strong>
      {!diff.code.ok ? <p className="muted" data-testid="code-diff-problem">{diff.code.problem}</p>
      : diff.code.files.length === 0 ? <p className="muted">The generated code is the same.</p>
      : diff.code.files.map((file) => (
        <div key={file.path} className={styles.file} data-testid="code-diff-file">
          <div className={styles.fileName}>
            <span>{file.path}</span>
            <span className={styles.added}>+{file.added}</span>
            <span className={styles.removed}>−{file.removed}</span>
          </div>
          <pre className={styles.code}>
            {file.hunks.map((hunk, h) => (
              <code key={h}>
                <span className={styles.gap}>@@ line {hunk[0]?.newLine ?? hunk[0]?.oldLine ?? 1}</span>
                {hunk.map((line, i) => (
                  <span key={i} className={styles.line} data-op={line.op}>{line.op === ' ' ? ' ' : line.op} {line.text}</span>
                ))}
              </code>
            ))}
          </pre>
        </div>
      ))}
    </section>
  );
}
