'use client';
import { createContext, useContext } from 'react';
import type { Diagnostic } from '../../api/types';
import { useDesignerStore } from '../DesignerStoreProvider';

/** The node whose fields are being edited (undefined: the workflow's own settings). */
export const FieldOwnerContext = createContext<string | undefined>(undefined);

/** Diagnostics that point at exactly this field of the current owner. */
export function useFieldDiagnostics(path: string): Diagnostic[] {
  const owner = useContext(FieldOwnerContext);
  return useDesignerStore((s) =>
    s.compile.diagnostics.filter((d) => (d.nodeId ?? undefined) === owner && d.field === path),
  );
}

export function FieldMessages({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <>
      {diagnostics.map((d, i) => (
        <span key={i} className={`field-msg field-msg--${d.severity}`}>{d.message}</span>
      ))}
    </>
  );
}
