'use client';
import { forwardRef } from 'react';
import { Icon } from '@/components/ui/Icon';
import styles from '../ProcessForm.module.css';
import { sentenceOf, type IssueLine } from './issues';

/**
 * The one list of what to fix, at the top of the form: each problem once, as a sentence, each a
 * button that takes the user to its field. Focused after a refused submit (tabIndex -1), so the
 * user lands on it and a screen reader reads it.
 */
export const IssueSummary = forwardRef<HTMLDivElement, { lines: IssueLine[]; onGoTo: (path: string) => void }>(function IssueSummary({ lines, onGoTo }, ref) {
  return (
    <div ref={ref} className={styles.summary} tabIndex={-1} role="alert" aria-labelledby="process-issues-title" data-testid="process-issues">
      <h2 id="process-issues-title">
        <Icon name="alert" size={16} />
        {lines.length === 1 ? 'One thing to fix before this can be deployed' : `${lines.length} things to fix before this can be deployed`}
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line.path}>
            <button type="button" className={styles.summaryLink} onClick={() => onGoTo(line.path)} data-testid="process-issue-link">
              {sentenceOf(line)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
