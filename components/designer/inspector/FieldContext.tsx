'use client';
import { createContext, useContext } from 'react';
import type { Diagnostic } from '../../api/types';
import { useDesignerStore } from '../DesignerStoreProvider';

/** The node whose fields are being edited (undefined: the workflow's own settings; activityOwner(name): a custom activity). */
export const FieldOwnerContext = createContext<string | undefined>(undefined);

/** The owner value for a custom activity's fields (node ids never contain ":"). */
export function activityOwner(name: string): string {
  return `activity:${name}`;
}

function ownerOf(d: Diagnostic): string | undefined {
  return d.activity !== undefined ? activityOwner(d.activity) : (d.nodeId ?? undefined);
}

/** Diagnostics that point at exactly this field of the current owner. */
export function useFieldDiagnostics(path: string): Diagnostic[] {
  const owner = useContext(FieldOwnerContext);
  return useDesignerStore((s) => s.compile.diagnostics.filter((d) => ownerOf(d) === owner && d.field === path));
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
