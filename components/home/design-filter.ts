import type { DesignSummary } from '../api/types';

export type DeployedFilter = 'any' | 'deployed' | 'not-deployed';
export type OwnerFilter = 'anyone' | 'me';

export interface DesignFilters {
  /** Matched against name, tags and description, case-insensitively; every word must match. */
  query: string;
  tag: string | null;
  deployed: DeployedFilter;
  owner: OwnerFilter;
}

export const NO_FILTERS: DesignFilters = { query: '', tag: null, deployed: 'any', owner: 'anyone' };

export function hasFilters(filters: DesignFilters): boolean {
  return filters.query.trim() !== '' || filters.tag !== null || filters.deployed !== 'any' || filters.owner !== 'anyone';
}

export function filterDesigns(designs: readonly DesignSummary[], filters: DesignFilters, me: string | null): DesignSummary[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  return designs.filter((d) => {
    if (filters.tag !== null && !d.tags.includes(filters.tag)) return false;
    if (filters.deployed === 'deployed' && d.deployedVersion === null) return false;
    if (filters.deployed === 'not-deployed' && d.deployedVersion !== null) return false;
    if (filters.owner === 'me' && (me === null || d.owner?.id !== me)) return false;
    const haystack = [d.name, ...d.tags, d.description ?? ''].join('\n').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(designs: readonly DesignSummary[]): string[] {
  return [...new Set(designs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b));
}

/**
 * For designs that share a name: what tells each apart, in words (owner, what is deployed, the id's
 * start when nothing else differs). Designs with a unique name get nothing.
 */
export function disambiguators(designs: readonly DesignSummary[]): Map<string, string> {
  const byName = new Map<string, DesignSummary[]>();
  for (const d of designs) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const result = new Map<string, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const owners = new Set(group.map((d) => d.owner?.displayName ?? ''));
    for (const d of group) {
      const parts: string[] = [];
      if (owners.size > 1) parts.push(d.owner?.displayName ? `by ${d.owner.displayName}` : 'owner unknown');
      parts.push(d.deployedVersion === null ? 'not deployed' : `v${d.deployedVersion} deployed`);
      parts.push(`id ${d.id.slice(0, 6)}`);
      result.set(d.id, parts.join(' · '));
    }
  }
  return result;
}

/** Filters as URL search parameters (only those that differ from no filter), so a filtered list can be shared and survives a reload. */
export function filtersToSearch(filters: DesignFilters): string {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set('q', filters.query.trim());
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.deployed !== 'any') params.set('deployed', filters.deployed);
  if (filters.owner !== 'anyone') params.set('owner', filters.owner);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function filtersFromSearch(search: URLSearchParams): DesignFilters {
  const deployed = search.get('deployed');
  return {
    query: search.get('q') ?? '',
    tag: search.get('tag') || null,
    deployed: deployed === 'deployed' || deployed === 'not-deployed' ? deployed : 'any',
    owner: search.get('owner') === 'me' ? 'me' : 'anyone',
  };
}
