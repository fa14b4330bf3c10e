import type { Diagnostic } from '../../codegen/diagnostics';
import type { Design } from '../../codegen/schema/design';
import type { DesignerState } from '../../codegen/runtime-contract';

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
}

export interface DesignRecord {
  id: string;
  name: string;
  latestVersion: number;
  design: Design;
  versions: { version: number; createdAt: string }[];
}

export interface CompileResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  files: GeneratedFile[];
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
