'use client';
import { useCallback, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client';
import type { Deployment, Diagnostic } from '../api/types';
import { useDesignerStoreApi } from './DesignerStoreProvider';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; version: number } | { kind: 'error'; message: string };
export type DeployState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'deploying' }
  | { kind: 'deployed'; deployment: Deployment }
  | { kind: 'error'; message: string; diagnostics: Diagnostic[] };

/** Save (a new version) and deploy (saving first when there are unsaved changes). */
export function useSaveDeploy() {
  const store = useDesignerStoreApi();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [deploy, setDeploy] = useState<DeployState>({ kind: 'idle' });

  const saveNow = useCallback(async (): Promise<number | null> => {
    const { designId, toDesign, markSaved, changeCount } = store.getState();
    setSave({ kind: 'saving' });
    try {
      const { version } = await api.saveVersion(designId, toDesign());
      markSaved(version, changeCount);
      setSave({ kind: 'saved', version });
      return version;
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
      return null;
    }
  }, [store]);

  const deployNow = useCallback(async () => {
    const { dirty, savedVersion } = store.getState();
    let version = savedVersion;
    if (dirty || version === null) {
      setDeploy({ kind: 'saving' });
      version = await saveNow();
      if (version === null) {
        setDeploy({ kind: 'error', message: 'Could not save the design before deploying.', diagnostics: [] });
        return;
      }
    }
    setDeploy({ kind: 'deploying' });
    try {
      const { deployment } = await api.deploy(store.getState().designId, version);
      setDeploy({ kind: 'deployed', deployment });
    } catch (err) {
      setDeploy({ kind: 'error', message: errorMessage(err), diagnostics: err instanceof ApiError ? err.diagnostics : [] });
    }
  }, [store, saveNow]);

  const dismissDeploy = useCallback(() => setDeploy({ kind: 'idle' }), []);
  return { save, deploy, saveNow, deployNow, dismissDeploy };
}
