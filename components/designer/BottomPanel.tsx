'use client';
import { useState } from 'react';
import { CodePanel } from './CodePanel';
import { useDesignerStore } from './DesignerStoreProvider';
import { DiagnosticsList } from './DiagnosticsList';
import { RecentExecutions } from './RecentExecutions';

/** Problems and executions on the left, generated code on the right. */
export function BottomPanel({ designId }: { designId: string }) {
  const [tab, setTab] = useState<'problems' | 'executions'>('problems');
  const count = useDesignerStore((s) => s.compile.diagnostics.length);
  return (
    <div className="dock">
      <section className="dock__side">
        <header className="tabs">
          <button type="button" role="tab" className="tab" aria-selected={tab === 'problems'} onClick={() => setTab('problems')}>
            Problems {count > 0 && <span className="count">{count}</span>}
          </button>
          <button type="button" role="tab" className="tab" aria-selected={tab === 'executions'} data-testid="executions-tab"
            onClick={() => setTab('executions')}>Executions</button>
        </header>
        <div className="dock__scroll">{tab === 'problems' ? <DiagnosticsList /> : <RecentExecutions designId={designId} />}</div>
      </section>
      <CodePanel />
    </div>
  );
}
