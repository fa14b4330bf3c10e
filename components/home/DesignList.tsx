'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { DesignSummary } from '../api/types';
import { formatRelative } from '../ui/format-time';

/** All designs, newest first, with an empty state. */
export function DesignList() {
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listDesigns().then(
      (r) => setDesigns([...(r.designs ?? [])].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))),
      (err) => setError(errorMessage(err)),
    );
  }, []);

  if (error) return <p className="banner banner--error" data-testid="designs-error">Could not load designs: {error}</p>;
  if (!designs) return <div className="design-grid"><div className="design-card skeleton" /><div className="design-card skeleton" /></div>;
  if (designs.length === 0) {
    return (
      <div className="empty" data-testid="designs-empty">
        <h2>No designs yet</h2>
        <p>Start from a blank canvas, or open the approval example to see a complete workflow with a signal, a timeout and a decision.</p>
      </div>
    );
  }
  return (
    <ul className="design-grid" data-testid="design-list">
      {designs.map((d) => (
        <li key={d.id}>
          <Link href={`/designs/${encodeURIComponent(d.id)}`} className="design-card" data-testid="design-card">
            <strong>{d.name}</strong>
            <span className="muted small">v{d.latestVersion} · updated {formatRelative(d.updatedAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
