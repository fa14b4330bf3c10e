'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, conflictOf, errorMessage } from '../api/client';
import { deployWithProgress, type DeployProgressLine } from '../execution/monitor-api';
import type { Deployment, Diagnostic } from '../api/types';
import { useDesignerStoreApi } from './DesignerStoreProvider';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'error'; message: string }
  /** Another tab or person saved since the version this one is based on: the user chooses. */
  | { kind: 'conflict'; currentVersion: number };
/** The state of each deploy stage as the server reported it. */
export type DeployStages = Partial<Record<DeployProgressLine['stage'], DeployProgressLine>>;
export type DeployState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'deploying'; stages: DeployStages; changeCount: number }
  | { kind: 'deployed'; deployment: Deployment; stages: DeployStages; warnings: string[]; changeCount: number }
  /** changeCount: the design's edit count the deploy checked (the panel tells when the design has changed since). */
  | { kind: 'error'; message: string; diagnostics: Diagnostic[]; stages?: DeployStages; canForce?: boolean; version?: number; changeCount?: number };

/** Quiet time after the last edit before it saves by itself. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Saving (every edit autosaves after a pause; Ctrl+S or Save saves now), conflicts and deploying.
 * Every save names the version it was based on; when another save came first the API refuses
 * with 409 and the user picks: reload theirs, or save mine as a new version over theirs.
 */
export function useSaveDeploy() {
  const store = useDesignerStoreApi();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [deploy, setDeploy] = useState<DeployState>({ kind: 'idle' });
  const inFlight = useRef<Promise<number | null> | null>(null);
  const conflicted = useRef(false);

  const saveOnce = useCallback(
    async (baseVersion: number | null): Promise<number | null> => {
      const { designId, toDesign, markSaved, changeCount } = store.getState();
      setSave({ kind: 'saving' });
      try {
        const { version } = await api.saveVersion(designId, toDesign(), baseVersion ?? undefined);
        markSaved(version, changeCount);
        conflicted.current = false;
        setSave({ kind: 'saved', version });
        return version;
      } catch (err) {
        const conflict = conflictOf(err);
        if (conflict) {
          conflicted.current = true;
          setSave({ kind: 'conflict', currentVersion: conflict.currentVersion });
        } else {
          setSave({ kind: 'error', message: errorMessage(err) });
        }
        return null;
      }
    },
    [store],
  );

  /** Saves unless there is nothing new; one save at a time (a second waits for the first). */
  const saveNow = useCallback(async (): Promise<number | null> => {
    while (inFlight.current) await inFlight.current;
    const { dirty, savedVersion } = store.getState();
    if (!dirty && savedVersion !== null) return savedVersion;
    if (conflicted.current) return null;
    const run = saveOnce(savedVersion);
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [store, saveOnce]);

  // Autosave: a pause after the last change saves it (not while a conflict waits for the user).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.changeCount === prev.changeCount || !state.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, saveNow]);

  /** Conflict → take the version saved elsewhere (mine stays reachable through version history). */
  const reloadTheirs = useCallback(async () => {
    const { designId, replaceDesign } = store.getState();
    try {
      const record = await api.getDesign(designId);
      replaceDesign(record.design, record.latestVersion);
      conflicted.current = false;
      setSave({ kind: 'saved', version: record.latestVersion });
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
  }, [store]);

  /** Conflict → save mine as a new version on top of theirs (theirs stays in version history). */
  const overwriteWithMine = useCallback(async () => {
    if (save.kind !== 'conflict') return;
    conflicted.current = false;
    const run = saveOnce(save.currentVersion);
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [save, saveOnce]);

  /** Deploys with progress per stage; `force` deploys even when the replay check warns (a new task queue keeps running executions safe). */
  const deployNow = useCallback(async (force = false) => {
    const { dirty, savedVersion } = store.getState();
    let version = savedVersion;
    if (dirty || version === null || inFlight.current) {
      setDeploy({ kind: 'saving' });
      version = await saveNow();
      if (version === null) {
        setDeploy({ kind: 'error', message: 'Could not save the design before deploying.', diagnostics: [] });
        return;
      }
    }
    let stages: DeployStages = {};
    const { changeCount } = store.getState();
    setDeploy({ kind: 'deploying', stages, changeCount });
    try {
      const { status, body } = await deployWithProgress(
        `/api/designs/${encodeURIComponent(store.getState().designId)}/deployments`,
        { version, ...(force ? { force: true } : {}) },
        (line) => {
          stages = { ...stages, [line.stage]: line };
          setDeploy({ kind: 'deploying', stages, changeCount });
        },
      );
      if (status === 201) {
        const ok = body as { deployment: Deployment; warnings?: string[] };
        setDeploy({ kind: 'deployed', deployment: ok.deployment, stages, warnings: ok.warnings ?? [], changeCount });
        return;
      }
      const refused = body as { error?: { message?: string }; diagnostics?: Diagnostic[]; canForce?: boolean } | undefined;
      setDeploy({
        kind: 'error',
        message: refused?.error?.message ?? `The server answered ${status}.`,
        diagnostics: refused?.diagnostics ?? [],
        stages,
        canForce: refused?.canForce ?? false,
        version: version ?? undefined,
        changeCount,
      });
    } catch (err) {
      setDeploy({ kind: 'error', message: errorMessage(err), diagnostics: err instanceof ApiError ? err.diagnostics : [], stages, changeCount });
    }
  }, [store, saveNow]);

  const dismissDeploy = useCallback(() => setDeploy({ kind: 'idle' }), []);
  return { save, deploy, saveNow, deployNow, dismissDeploy, reloadTheirs, overwriteWithMine };
}
