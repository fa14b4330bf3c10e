'use client';
import type { ReactNode } from 'react';

interface ListSectionProps<T> {
  title: string;
  path: string;
  items: readonly T[];
  empty: string;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (item: T, index: number) => ReactNode;
}

/** A titled, editable list (parameters, variables, branches…) with add/remove controls. */
export function ListSection<T>({ title, path, items, empty, addLabel, onAdd, onRemove, children }: ListSectionProps<T>) {
  return (
    <section className="list-section" data-testid={`list-${path}`}>
      <header className="list-section__head">
        <h4>{title}</h4>
        <button type="button" className="btn btn--ghost btn--sm" data-testid={`add-${path}`} onClick={onAdd}>+ {addLabel}</button>
      </header>
      {items.length === 0 && <p className="list-section__empty">{empty}</p>}
      {items.map((item, i) => (
        <div className="list-row" key={i} data-testid={`row-${path}.${i}`}>
          <div className="list-row__fields">{children(item, i)}</div>
          <button type="button" className="icon-btn" aria-label={`Remove ${title.toLowerCase()} ${i + 1}`}
            data-testid={`remove-${path}.${i}`} onClick={() => onRemove(i)}>×</button>
        </div>
      ))}
    </section>
  );
}

export function replaceAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
