/** A finding about a design, phrased for the person who drew it, pointing at what it concerns. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. "wait.no-outgoing-edge". */
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** The custom activity concerned (by name), for findings about one. */
  activity?: string;
  /** The field of the node (or design) concerned, e.g. "condition" or "parameters.0.name". */
  field?: string;
  /** For expression errors: the character range within the field's text. */
  range?: { start: number; end: number };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
