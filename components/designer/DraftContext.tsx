'use client';
import { createContext, useContext, type ReactNode } from 'react';

/** Whether the designer opened the design's draft (autosaved edits since its latest version) rather than the version. */
const OpenedDraftContext = createContext(false);

export function OpenedDraftProvider({ openedDraft, children }: { openedDraft: boolean; children: ReactNode }) {
  return <OpenedDraftContext.Provider value={openedDraft}>{children}</OpenedDraftContext.Provider>;
}

export function useOpenedDraft(): boolean {
  return useContext(OpenedDraftContext);
}
