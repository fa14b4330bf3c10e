'use client';
import { Icon } from '../ui/Icon';
import { DiagnosticItem } from './DiagnosticItem';
import { useDesignerStore } from './DesignerStoreProvider';
import type { DesignerStore } from './store';

const select = (s: DesignerStore) => ({ diagnostics: s.compile.diagnostics, status: s.compile.status });

/** Problems found by the code generator; clicking one selects (and shows) its node, or opens its custom activity. */
export function DiagnosticsList() {
  const { diagnostics, status } = useDesignerStore(select);
  return (
    <div className="diagnostics" data-testid="diagnostics" data-count={diagnostics.length} data-status={status}>
      {diagnostics.length === 0 ? (
        <p className="empty-small">{status === 'ok' ? <><Icon name="check" size={12} /> No problems found.</> : status === 'error' ? 'Problems unknown: the code generator did not answer.' : 'Checking…'}</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`}>
              <DiagnosticItem diagnostic={d} testId="diagnostic-item" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
