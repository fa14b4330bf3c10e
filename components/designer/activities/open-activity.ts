'use client';
import { create } from 'zustand';

interface OpenActivity {
  /** The custom activity whose editor is open, by name. */
  open: string | null;
  setOpen: (name: string | null) => void;
}

/**
 * Which custom activity's editor is open: UI state shared by the Activities section and the
 * inspector's "Edit code" link (one designer per page; not design data, so not in the design store).
 */
export const useOpenActivity = create<OpenActivity>()((set) => ({
  open: null,
  setOpen: (open) => set({ open }),
}));
