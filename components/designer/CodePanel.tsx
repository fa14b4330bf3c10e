'use client';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { nodeCodeLines, type NodeRef } from '@/lib/designs/node-code';
import { useDesignerStore } from './DesignerStoreProvider';
import type { DesignerStore } from './store';

const CodeView = dynamic(() => import('./CodeView'), { ssr: false, loading: () => <div className="code-loading">Loading editor…</div> });

const FILES = ['workflows.ts', 'shared.ts', 'activities.ts'] as const;
/** Generated only when the design needs them (payload-checks.ts: the messages' payload checks; money.ts: the exact-decimal helpers). */
const OPTIONAL_FILES = ['payload-checks.ts', 'money.ts'] as const;
type Tab = (typeof FILES | typeof OPTIONAL_FILES)[number];
const select = (s: DesignerStore) => ({ status: s.compile.status, files: s.compile.files, error: s.compile.error });
/** The selected node as a string, so dragging it does not re-render the code. */
const selectSelected = (s: DesignerStore) => {
  const n = s.nodes.find((node) => node.selected);
  return n ? JSON.stringify({ id: n.id, type: n.type, name: 'name' in n.data ? n.data.name : undefined }) : '';
};

/** The generated code, refreshed as the design changes, with the selected node's code highlighted. */
export function CodePanel() {
  const { status, files, error } = useDesignerStore(select);
  const selected = useDesignerStore(selectSelected);
  const [tab, setTab] = useState<Tab>('workflows.ts');
  const tabs: Tab[] = [...FILES, ...OPTIONAL_FILES.filter((f) => files.some((g) => g.path === f))];
  const file = files.find((f) => f.path === tab || f.path.endsWith(`/${tab}`));
  const highlight = useMemo(
    () => (selected && file && tab === 'workflows.ts' ? nodeCodeLines(file.contents, JSON.parse(selected) as NodeRef) : null),
    [selected, file, tab],
  );
  return (
    <section className="code-panel" data-testid="code-view" data-status={status} data-file={tab}
      data-highlight={highlight ? `${highlight.from}-${highlight.to}` : undefined}>
      <header className="tabs">
        {tabs.map((f) => (
          <button key={f} type="button" role="tab" aria-selected={tab === f} className="tab" data-testid={`code-tab-${f}`}
            onClick={() => setTab(f)}>{f}</button>
        ))}
        <span className={`code-status code-status--${status}`} data-testid="compile-status">
          {status === 'pending' ? 'Generating…' : status === 'error' ? 'Code generation unavailable' : status === 'ok' ? 'Up to date' : ''}
        </span>
      </header>
      {status === 'error' && <div className="banner banner--error">{error}</div>}
      <div className="code-panel__body">
        {file ? <CodeView value={file.contents} highlight={highlight} />
          : <div className="empty-small">{status === 'ok' ? `No ${tab} was generated — fix the problems listed on the left.` : 'Waiting for the code generator…'}</div>}
      </div>
    </section>
  );
}
