'use client';
import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { DesignRecord } from '../api/types';
import { Designer } from './Designer';
import { DesignerStoreProvider } from './DesignerStoreProvider';
import { OpenedDraftProvider } from './DraftContext';

/** Loads a design, then mounts the designer around it. */
export function DesignerLoader({ id }: { id: string }) {
  const [record, setRecord] = useState<DesignRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getDesign(id).then(
      (r) => live && setRecord(r),
      (err) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (error) {
    return (
      <div className="page-message" data-testid="designer-error">
        <h1>Could not open this design</h1>
        <p>{error}</p>
        <Link href="/" className="btn">Back to all designs</Link>
      </div>
    );
  }
  if (!record) return <div className="page-message muted" data-testid="designer-loading">Loading design…</div>;
  return (
    <ReactFlowProvider>
      {/* The draft (autosaved edits since the latest version) opens when there is one; the header says so. */}
      <DesignerStoreProvider designId={record.id} design={record.draft?.design ?? record.design} version={record.latestVersion ?? null}>
        <OpenedDraftProvider openedDraft={Boolean(record.draft)}>
          <Designer designId={record.id} />
        </OpenedDraftProvider>
      </DesignerStoreProvider>
    </ReactFlowProvider>
  );
}
