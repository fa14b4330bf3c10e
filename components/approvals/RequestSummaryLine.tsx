'use client';
import type { RequestField } from '@/lib/approvals/spec';
import { userLocale } from '../ui/locale-number';
import styles from './business.module.css';
import { summaryOf } from './request-summary';

/** A request's amount and first text fields on one wrapping line ("Amount 1,500.00 · Purpose Team offsite"). */
export function RequestSummaryLine({ fields, values }: { fields: readonly RequestField[]; values: Record<string, unknown> }) {
  const items = summaryOf(fields, values, userLocale());
  if (items.length === 0) return null;
  return (
    <span className={styles.summary} data-testid="request-summary">
      {items.map((item) => (
        <span key={item.name} className={styles.summaryItem} data-testid={`summary-${item.name}`}>
          <span className={styles.summaryLabel}>{item.label}</span>
          <span className={`${styles.summaryValue} ${fields.find((f) => f.name === item.name)?.type === 'money' ? styles.amount : ''}`} title={item.value}>
            {item.value}
          </span>
        </span>
      ))}
    </span>
  );
}
