'use client';
import { useEffect } from 'react';
import { parseFragment, serializeFragment } from '@/lib/designs/fragment';
import { FIT_ALL, useFitView } from '../flow/fit';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { isTypingTarget } from './shortcuts';

const PASTE_OFFSET = 40;

interface Options {
  onLayout: () => void;
  onHelp: () => void;
}

/**
 * Designer-wide keys (undo/redo, select all, layout, fit, help) and the clipboard: copy/cut/paste
 * go through the system clipboard as design JSON, so they work between designs and tabs.
 * Keys typed into a field stay with the field.
 */
export function useCanvasShortcuts({ onLayout, onHelp }: Options) {
  const store = useDesignerStoreApi();
  const fitView = useFitView();

  useEffect(() => {
    let pasteCount = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      const s = store.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (!mod && e.key === '?') {
        e.preventDefault();
        onHelp();
      } else if (!mod && e.shiftKey && key === 'l') {
        e.preventDefault();
        onLayout();
      } else if (!mod && e.shiftKey && (e.key === '!' || e.code === 'Digit1')) {
        e.preventDefault();
        void fitView({ ...FIT_ALL, duration: 300 });
      } else if (e.key === 'Escape') {
        s.selectNode(null);
      }
    };
    const onCopy = (e: ClipboardEvent, cut = false) => {
      if (isTypingTarget(e.target) || !e.clipboardData) return;
      const fragment = store.getState().copySelection();
      if (!fragment) return;
      e.clipboardData.setData('text/plain', serializeFragment(fragment));
      e.preventDefault();
      pasteCount = 0;
      if (cut) store.getState().deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || !e.clipboardData) return;
      const fragment = parseFragment(e.clipboardData.getData('text/plain'));
      if (!fragment || fragment.nodes.length === 0) return;
      e.preventDefault();
      // Pasting beside the originals (same design) steps each copy further down and right.
      const existing = new Set(store.getState().nodes.map((n) => n.id));
      const beside = fragment.nodes.some((n) => existing.has(n.id));
      pasteCount += 1;
      const shift = beside ? PASTE_OFFSET * pasteCount : 0;
      store.getState().paste(fragment, { x: shift, y: shift });
    };
    const onCut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, fitView, onLayout, onHelp]);
}
