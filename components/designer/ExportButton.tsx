'use client';
import { useState } from 'react';
import type { Diagnostic } from '@/codegen/design';
import { useDesignerStoreApi } from './DesignerStoreProvider';

type ExportState = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'error'; message: string; diagnostics: Diagnostic[] };

/**
 * "Export code": saves pending changes, then downloads the saved version as a standalone Temporal
 * project (GET /api/designs/[id]/export → zip). A design that does not compile shows why, by node.
 */
export function ExportButton({ saveNow }: { saveNow: () => Promise<number | null> }) {
  const store = useDesignerStoreApi();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function exportCode() {
    setState({ kind: 'exporting' });
    try {
      const version = await saveNow(); // the saved version when nothing is new; a draft becomes a version
      const designId = store.getState().designId;
      if (!designId || !version) {
        return setState({ kind: 'error', message: 'The design could not be saved, so there is nothing to export yet.', diagnostics: [] });
      }
      const response = await fetch(`/api/designs/${encodeURIComponent(designId)}/export?version=${version}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string }; diagnostics?: Diagnostic[] } | null;
        const diagnostics = (body?.diagnostics ?? []).filter((d) => d.severity === 'error');
        return setState({ kind: 'error', message: body?.error?.message ?? `The export failed (HTTP ${response.status}).`, diagnostics });
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'workflow.zip';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'error', message: `The export failed: ${error instanceof Error ? error.message : String(error)}`, diagnostics: [] });
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="export-code-button"
        disabled={state.kind === 'exporting'}
        title="Download a standalone TypeScript project: worker, typed client, test and README"
        onClick={() => void exportCode()}
      >
        {state.kind === 'exporting' ? 'Exporting…' : 'Export code'}
      </button>
      {state.kind === 'error' && (
        <div className="deploy-status deploy-status--danger" data-testid="export-status" role="alert">
          <div className="deploy-status__line">
            <strong>Export failed</strong>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setState({ kind: 'idle' })}>×</button>
          </div>
          <p className="deploy-status__msg">{state.message}</p>
          {state.diagnostics.length > 0 && (
            <ul className="deploy-status__diags">
              {state.diagnostics.map((d, i) => (
                <li key={i} className="diag--error">{d.nodeId ? `${d.nodeId}: ` : ''}{d.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
