'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { DesignSummary } from '../api/types';
import { useCurrentUser } from '../auth/CurrentUser';
import { formatRelative } from '../ui/format-time';
import { allTags, disambiguators, filterDesigns, filtersFromSearch, filtersToSearch, hasFilters, NO_FILTERS, type DesignFilters } from './design-filter';

/** All designs, newest first: search and filters kept in the URL (`/` focuses the search), designs of one name told apart, empty states. */
export function DesignList() {
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = useCurrentUser()?.id ?? null;
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [filters, setFilters] = useState<DesignFilters>(() => filtersFromSearch(new URLSearchParams(search.toString())));
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.listDesigns().then(
      (r) => setDesigns([...(r.designs ?? [])].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))),
      (err) => setError(errorMessage(err)),
    );
  }, []);

  useEffect(() => {
    router.replace(`${pathname}${filtersToSearch(filters)}`, { scroll: false });
  }, [filters, pathname, router]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      if (event.key === '/' && !typing) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const shown = useMemo(() => (designs ? filterDesigns(designs, filters, me) : []), [designs, filters, me]);
  const told = useMemo(() => disambiguators(designs ?? []), [designs]);
  const tags = useMemo(() => allTags(designs ?? []), [designs]);
  const set = (change: Partial<DesignFilters>) => setFilters((f) => ({ ...f, ...change }));

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
    <>
      <div className="design-filters" role="search" aria-label="Find designs">
        <input
          ref={searchBox}
          type="search"
          className="input design-filters__search"
          placeholder="Search by name, tag or description  ( / )"
          aria-label="Search designs"
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') set({ query: '' });
          }}
        />
        <label className="design-filters__field">
          <span>Tag</span>
          <select className="input" aria-label="Tag" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value || null })} disabled={tags.length === 0}>
            <option value="">{tags.length === 0 ? 'No tags yet' : 'Any tag'}</option>
            {tags.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="design-filters__field">
          <span>Deployed</span>
          <select className="input" aria-label="Deployed" value={filters.deployed} onChange={(e) => set({ deployed: e.target.value as DesignFilters['deployed'] })}>
            <option value="any">Any</option>
            <option value="deployed">Deployed</option>
            <option value="not-deployed">Not deployed</option>
          </select>
        </label>
        <label className="design-filters__field">
          <span>Owner</span>
          <select className="input" aria-label="Owner" value={filters.owner} onChange={(e) => set({ owner: e.target.value as DesignFilters['owner'] })}>
            <option value="anyone">Anyone</option>
            <option value="me">Me</option>
          </select>
        </label>
        <span className="muted small" data-testid="designs-count" aria-live="polite">
          {shown.length === designs.length ? `${designs.length} designs` : `${shown.length} of ${designs.length} designs`}
        </span>
      </div>
      {shown.length === 0 ? (
        <div className="empty" data-testid="designs-no-match">
          <h2>No design matches</h2>
          <p>Nothing has {describe(filters)}.</p>
          <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>Clear filters</button>
        </div>
      ) : (
        <ul className="design-grid" data-testid="design-list">
          {shown.map((d) => (
            <li key={d.id}>
              <Link href={`/designs/${encodeURIComponent(d.id)}`} className="design-card" data-testid="design-card">
                <span className="design-card__title">
                  <strong>{d.name}</strong>
                  {d.deployedVersion !== null && <span className="badge badge--success" title={`Version ${d.deployedVersion} is deployed`}>v{d.deployedVersion} live</span>}
                </span>
                {told.has(d.id) && <span className="small design-card__tell" data-testid="design-tell">{told.get(d.id)}</span>}
                {d.description && <span className="small muted design-card__description">{d.description}</span>}
                <span className="muted small">
                  v{d.latestVersion} · updated {formatRelative(d.updatedAt)}
                  {d.lastDeployedAt && ` · deployed ${formatRelative(d.lastDeployedAt)}`}
                  {d.owner?.displayName && ` · ${d.owner.displayName}`}
                </span>
                {d.tags.length > 0 && (
                  <span className="design-card__tags">
                    {d.tags.map((t) => (
                      <span key={t} className="tag">{t}</span>
                    ))}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function describe(filters: DesignFilters): string {
  if (!hasFilters(filters)) return 'these filters';
  const parts: string[] = [];
  if (filters.query.trim()) parts.push(`“${filters.query.trim()}” in its name, tags or description`);
  if (filters.tag) parts.push(`the tag “${filters.tag}”`);
  if (filters.deployed !== 'any') parts.push(filters.deployed === 'deployed' ? 'a deployed version' : 'no deployed version');
  if (filters.owner === 'me') parts.push('you as its owner');
  return parts.join(', and ');
}
