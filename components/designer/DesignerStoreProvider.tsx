'use client';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Design } from '@/codegen/design';
import { createDesignerStore, type DesignerStore, type DesignerStoreApi } from './store';

const DesignerStoreContext = createContext<DesignerStoreApi | null>(null);

interface ProviderProps {
  designId: string;
  design: Design;
  version: number | null;
  children: ReactNode;
}

export function DesignerStoreProvider({ designId, design, version, children }: ProviderProps) {
  const [store] = useState(() => createDesignerStore({ designId, design, version }));
  return <DesignerStoreContext.Provider value={store}>{children}</DesignerStoreContext.Provider>;
}

export function useDesignerStoreApi(): DesignerStoreApi {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error('useDesignerStore must be used inside <DesignerStoreProvider>. Wrap the designer in it.');
  return store;
}

/** Select from the designer store; results are compared shallowly, so object/array picks are fine. */
export function useDesignerStore<T>(selector: (state: DesignerStore) => T): T {
  return useStore(useDesignerStoreApi(), useShallow(selector));
}
