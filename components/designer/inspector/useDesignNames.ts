'use client';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useDesignerStore } from '../DesignerStoreProvider';

/**
 * The saved designs' names (each is its workflow type), for a step that names another design: a
 * child workflow, a signal's target — and this design's own name as drawn (a design may run itself
 * as a child; a rename is a draft until saved, so the saved list still has the old name). Empty
 * until they load, and if they cannot: the form still shows the name the node holds.
 */
export function useDesignNames(): string[] {
  const own = useDesignerStore((s) => s.workflow.name);
  const [saved, setNames] = useState<string[]>([]);
  const names = own && !saved.includes(own) ? [...saved, own].sort() : saved;
  useEffect(() => {
    let current = true;
    api.listDesigns().then(
      (r) => current && setNames([...new Set(r.designs.map((d) => d.name))].sort()),
      () => {},
    );
    return () => {
      current = false;
    };
  }, []);
  return names;
}

/** The select's options: the designs by name, the node's own name kept even when not listed. */
export function designOptions(names: string[], chosen: string | undefined, none: string): { value: string; label: string }[] {
  const listed = chosen && !names.includes(chosen) ? [...names, chosen] : names;
  return [{ value: '', label: none }, ...listed.map((name) => ({ value: name, label: name }))];
}
