import type { Diagnostic, Design, DesignerState } from '@/codegen/design';
import type { DesignPatch } from '@/lib/designs/patch';

/** The API answers with codegen's findings as they are (a type-only import: no codegen code reaches the client bundle). */
export type { Diagnostic };

export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface DesignSummary {
  id: string;
  name: string;
  latestVersion: number;
  updatedAt: string;
  owner: { id: string; displayName: string | null } | null;
  tags: string[];
  description: string | null;
  /** The version the newest active deployment runs; null when nothing is deployed. */
  deployedVersion: number | null;
  lastDeployedAt: string | null;
}

export interface DesignRecord {
  id: string;
  name: string;
  latestVersion: number;
  design: Design;
  versions: { version: number; createdAt: string }[];
  /** The autosaved work in progress since `baseVersion`, opened instead of the version; null when everything is in a version. */
  draft?: { design: Design; baseVersion: number; updatedAt: string; updatedBy: { id: string; displayName: string | null } | null } | null;
}

/** What the code view sends to /api/compile: the whole design, or its change since an answered request of the same editor. */
export type CompileRequestBody =
  | { editor: string; seq: number; design: Design }
  | { editor: string; seq: number; base: number; patch: DesignPatch };

export interface CompileResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  files: GeneratedFile[];
  /** The server kept this design for the editor's next request to build on (app/api/compile). */
  kept?: boolean;
}

export interface Deployment {
  id: string;
  version: number;
  taskQueue: string;
  workflowType: string;
  createdAt: string;
}

export type ExecutionStatus =
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'TIMED_OUT'
  | 'TERMINATED'
  | 'CANCELLED'
  | 'CONTINUED_AS_NEW'
  | (string & {});

export interface ExecutionSummary {
  workflowId: string;
  runId: string;
  status: ExecutionStatus;
  startTime: string | null;
  closeTime: string | null;
  designVersion: number | null;
}

export interface ExecutionDetail extends ExecutionSummary {
  designId: string;
  design: Design;
  result?: unknown;
  failure?: { message: string };
  state?: DesignerState;
}
