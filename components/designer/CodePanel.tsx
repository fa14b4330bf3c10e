'use client';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useDesignerStore } from './DesignerStoreProvider';
import type { DesignerStore } from './store';

const CodeView = dynamic(() => import('./CodeView'), { ssr: false, loading: () => <div className="code-loading">Loading editor…</div> });

const FILES = ['workflows.ts', 'shared.ts', 'activities.ts'] as const;
const select = (s: DesignerStore) => ({ status: s.compile.status, files: s.compile.files, error: s.compile.error });

/** The generated code, refreshed as the design changes. */
export function CodePanel() {
  const { status, files, error } = useDesignerStore(select);
  const [tab, setTab] = useState<(typeof FILES)[number]>('workflows.ts');
  const file = files.find((f) => f.path === tab || f.path.endsWith(`/${tab}`));
  return (
    <section className="code-panel" data-testid="code-view" data-status={status} data-file={tab}>
      <header className="tabs">
        {FILES.map((f) => (
          <button key={f} type="button" role="tab" aria-selected={tab === f} className="tab" data-testid={`code-tab-${f}`}
            onClick={() => setTab(f)}>{f}</button>
        ))}
        <span className={`code-status code-status--${status}`} data-testid="compile-status">
          {status === 'pending' ? 'Generating…' : status === 'error' ? 'Code generation unavailable' : status === 'ok' ? 'Up to date' : ''}
        </span>
      </header>
      {status === 'error' && <div className="banner banner--error">{error}</div>}
      <div className="code-panel__body">
        {file ? <CodeView value={file.contents} />
          : <div className="empty-small">{status === 'ok' ? `No ${tab} was generated — fix the problems listed on the left.` : 'Waiting for the code generator…'}</div>}
      </div>
    </section>
  );
}
