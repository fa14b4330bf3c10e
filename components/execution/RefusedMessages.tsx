'use client';
import type { Design, RefusedMessage } from '@/codegen/design';
import { formatTime } from '../ui/format-time';
import styles from './monitor.module.css';

/**
 * Signals the workflow received and did not apply because their payload did not match the design
 * (the generated payload-checks.ts records them in the designer query's `refusedMessages`). A signal
 * cannot answer its sender, so this list is where an operator learns that a "sent" signal changed
 * nothing, and why: the reason is shown whole, wrapped, newest first.
 */
export function RefusedMessages({ refused, design }: { refused: RefusedMessage[] | undefined; design: Design }) {
  if (!refused?.length) return null;
  const labelOf = (name: string) => design.nodes.find((n) => n.type === 'signal' && n.name === name)?.label ?? name;
  return (
    <section className={styles.refused} data-testid="refused-messages" aria-label="Refused messages">
      <h4 className={styles.refusedTitle}>Refused: {refused.length === 1 ? '1 signal' : `${refused.length} signals`} not applied</h4>
      <ul className={styles.refusedList}>
        {[...refused].reverse().map((message, index) => (
          <li key={`${message.at}-${index}`} className="outcome outcome--rejected" data-tone="rejected" data-testid="refused-message"
            data-name={message.name}>
            <strong>{labelOf(message.name)}</strong> <code>{message.name}</code> refused <time dateTime={message.at}>{formatTime(message.at)}</time>
            {': '}
            <span data-testid="refused-reason">{message.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
