'use client';
import { useEffect, useState } from 'react';

const POLL_MS = 5000;
const POLL_DOWN_MS = 2000;

interface HealthBody {
  database?: { ok: boolean; message?: string };
  temporal?: { ok: boolean; message?: string; address?: string };
}

type Problem = { what: 'server' | 'database' | 'temporal'; message: string } | null;

function problemOf(body: HealthBody | null): Problem {
  if (!body) return { what: 'server', message: 'The Signalbox server is not answering.' };
  if (body.database && !body.database.ok) return { what: 'database', message: `The database is not reachable: ${body.database.message ?? ''}` };
  if (body.temporal && !body.temporal.ok) {
    return {
      what: 'temporal',
      message: `Temporal is not reachable${body.temporal.address ? ` at ${body.temporal.address}` : ''}. Designs stay editable and saveable; deploying and running resume by themselves when it is back.`,
    };
  }
  return null;
}

/** A banner while the app's server, database or Temporal is unreachable; polls /api/health and clears itself on recovery. */
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
  return (
    <div className="banner banner--warning" role="alert" data-testid="connection-banner" data-problem={problem.what}
      style={{ position: 'sticky', top: 0, zIndex: 50, borderRadius: 0 }}>
      {problem.message} <span className="muted">Checking again…</span>
    </div>
  );
}
