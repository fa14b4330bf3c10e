'use client';
import { useEffect, useState } from 'react';
import { problemOf, type HealthBody, type Problem } from './health-problems';

const POLL_MS = 5000;
const POLL_DOWN_MS = 2000;

/** A banner while the app's server, database, Temporal or every worker host is unreachable; polls /api/health and clears itself on recovery. */
export function ConnectionBanner() {
  const [problem, setProblem] = useState<Problem>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = async () => {
      let body: HealthBody | null;
      try {
        const res = await fetch('/api/health', { cache: 'no-store' });
        body = (await res.json()) as HealthBody;
      } catch {
        body = null;
      }
      if (stopped) return;
      const next = problemOf(body);
      setProblem(next);
      timer = setTimeout(check, next ? POLL_DOWN_MS : POLL_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (!problem) return null;
  // Floats over the bottom left of the page: appearing and clearing never shifts the screen being edited,
  // and the app bar and the designer's header (Save, Deploy, Start) stay in view.
  return (
    <div className="banner banner--warning" role="alert" data-testid="connection-banner" data-problem={problem.what.join(' ')}
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 50, width: 'max-content', maxWidth: 'min(760px, calc(100vw - 32px))', boxShadow: 'var(--shadow-lg)' }}>
      {problem.message} <span className="muted">Checking again…</span>
    </div>
  );
}
