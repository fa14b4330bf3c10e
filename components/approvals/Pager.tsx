'use client';

/** "21–40 of 1,234" with previous / next: the inbox's and the requests list's paging controls. */
export function Pager({ page, pageSize, total, shown, onPage, testId }: { page: number; pageSize: number; total: number; shown: number; onPage: (page: number) => void; testId: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  return (
    <nav className="executions__bar" aria-label="Pages" data-testid={testId}>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => onPage(page - 1)} disabled={page <= 1} data-testid={`${testId}-previous`}>
        ← Previous
      </button>
      <span className="muted small" data-testid={`${testId}-range`}>
        {first}–{last} of {total.toLocaleString('en')} · page {page} of {pages}
      </span>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => onPage(page + 1)} disabled={page >= pages} data-testid={`${testId}-next`}>
        Next →
      </button>
    </nav>
  );
}
