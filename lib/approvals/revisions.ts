/**
 * The form's revisions of a process: which design version the form generated from which spec.
 * Kept beside the spec in the process's stored document (approval_processes.spec, jsonb), so that
 * - an edit can tell whether the design was changed on the canvas since the form last generated
 *   it (the latest version's content differs from the form's version), and
 * - a running request is shown with the spec of the version it started on, not the newest one.
 * Processes stored before revisions existed have one: version 1, the spec as stored (the form's
 * create makes version 1). Pure: no server code.
 */
import 'server-only';
import { z } from 'zod';
import { ApprovalProcessSpecSchema, type ApprovalProcessSpec } from './spec';
import { isApproverOf, type ApproverIdentity } from './status';

export interface FormRevision {
  /** The design version the form saved. */
  designVersion: number;
  spec: ApprovalProcessSpec;
}

/** The key of the revisions inside the stored document (the rest of it is the current spec). */
const REVISIONS_KEY = 'formRevisions';

const StoredRevisionsSchema = z.array(z.object({ designVersion: z.number().int().positive(), spec: ApprovalProcessSpecSchema }));

/** The revisions in a stored document, oldest first; at least one. */
export function revisionsOf(document: Record<string, unknown>, current: ApprovalProcessSpec): FormRevision[] {
  const parsed = StoredRevisionsSchema.safeParse(document[REVISIONS_KEY]);
  return parsed.success && parsed.data.length > 0 ? parsed.data : [{ designVersion: 1, spec: current }];
}

/** What approval_processes.spec stores: the current spec and the form's revisions. */
export function storedDocument(spec: ApprovalProcessSpec, revisions: FormRevision[]): Record<string, unknown> {
  return { ...spec, [REVISIONS_KEY]: revisions };
}

/** The design version the form generated last. */
export function formVersionOf(revisions: FormRevision[]): number {
  return revisions.reduce((latest, r) => Math.max(latest, r.designVersion), 0);
}

/**
 * The spec an execution of `designVersion` runs: the form's revision at or before it (a canvas
 * edit after a form save keeps that form's spec). Unknown version: the newest.
 */
export function specForVersion(revisions: FormRevision[], designVersion: number | undefined): ApprovalProcessSpec {
  const sorted = [...revisions].sort((a, b) => a.designVersion - b.designVersion);
  const newest = sorted[sorted.length - 1]!.spec;
  if (designVersion === undefined) return newest;
  return sorted.filter((r) => r.designVersion <= designVersion).pop()?.spec ?? newest;
}

/** JSON with object keys sorted: the same content compares equal however it was stored (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Whether someone approves in any version of the process: a request keeps the version it started
 * on, so an approver an edit removed still decides the requests of the versions that list them.
 */
export function approverInAnyRevision(revisions: FormRevision[], who: ApproverIdentity): boolean {
  return revisions.some((r) => isApproverOf(r.spec, who));
}
