'use client';
import { focusNode, useFitView } from '../flow/fit';
import { useOpenActivity } from './activities/openActivity';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import type { DesignerStore } from './store';

const select = (s: DesignerStore) => ({ diagnostics: s.compile.diagnostics, status: s.compile.status, nodes: s.nodes });

/** Problems found by the code generator; clicking one selects (and shows) its node, or opens its custom activity. */
export function DiagnosticsList() {
  const { diagnostics, status, nodes } = useDesignerStore(select);
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const openActivity = useOpenActivity((s) => s.setOpen);
  const labelOf = (id?: string) => nodes.find((n) => n.id === id)?.data.label;
  const reveal = (nodeId?: string) => {
    store.getState().selectNode(nodeId ?? null);
    if (nodeId) void fitView(focusNode(nodeId));
  };
  return (
    <div className="diagnostics" data-testid="diagnostics" data-count={diagnostics.length} data-status={status}>
      {diagnostics.length === 0 ? (
        <p className="empty-small">{status === 'ok' ? '✓ No problems found.' : status === 'error' ? 'Problems unknown: the code generator did not answer.' : 'Checking…'}</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`}>
              <button type="button" className={`diag diag--${d.severity}`} data-testid="diagnostic-item"
                onClick={() => (d.activity !== undefined ? openActivity(d.activity) : reveal(d.nodeId))}
                title={d.code}>
                <span className="diag__sev">{d.severity === 'error' ? '●' : '▲'}</span>
                <span className="diag__msg">{d.message}</span>
                <span className="diag__where">{d.activity !== undefined ? `Activity ${d.activity}` : d.nodeId ? labelOf(d.nodeId) ?? d.nodeId : 'Workflow'}{d.field ? ` · ${d.field}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
