'use client';
import { useEffect, useState, type ComponentType } from 'react';

/**
 * A hook giving the component `load` imports, loaded when a caller first renders (so it stays out
 * of the first bundle, e.g. CodeMirror) and shared by every later caller; null until it arrives.
 */
export function loadOnFirstUse<P>(load: () => Promise<{ default: ComponentType<P> }>): () => ComponentType<P> | null {
  let loaded: ComponentType<P> | null = null;
  return function useLoadedComponent() {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      void load().then((m) => {
        loaded = m.default;
        if (live) setComponent(() => m.default);
      });
      return () => {
        live = false;
      };
    }, [component]);
    return component;
  };
}
