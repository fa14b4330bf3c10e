'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, conflictOf, errorMessage } from '../api/client';
import { deployWithProgress, type DeployProgressLine } from '../execution/monitor-api';
import type { Deployment, Diagnostic } from '../api/types';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { useOpenedDraft } from './DraftContext';

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

/** Quiet time after the last edit before it is stored as the draft by itself. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Saving, conflicts and deploying. Edits autosave to the design's draft after a pause (no version);
 * Save (with an optional message), Ctrl+S and Deploy make a version. Every write names the version
 * it was based on; when a version was saved elsewhere since, the API refuses with 409 and the user
 * picks: reload theirs, or save mine as a new version over theirs.
 */
export function useSaveDeploy() {
  const store = useDesignerStoreApi();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [deploy, setDeploy] = useState<DeployState>({ kind: 'idle' });
  /** A draft is stored whose content is newer than the saved version. */
  const openedDraft = useOpenedDraft();
  const [hasDraft, setHasDraftState] = useState(openedDraft);
  const hasDraftRef = useRef(openedDraft);
  const setHasDraft = useCallback((value: boolean) => {
    hasDraftRef.current = value;
    setHasDraftState(value);
  }, []);
  const inFlight = useRef<Promise<number | null> | null>(null);
  const conflicted = useRef(false);

  const failed = useCallback((err: unknown) => {
    const conflict = conflictOf(err);
    if (conflict) {
      conflicted.current = true;
      setSave({ kind: 'conflict', currentVersion: conflict.currentVersion });
    } else {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
    return null;
  }, []);

  /** One write at a time: a second waits for the first. */
  const serialised = useCallback(async (write: () => Promise<number | null>): Promise<number | null> => {
    while (inFlight.current) await inFlight.current;
    const run = write();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, []);

  const saveVersionOnce = useCallback(
    async (baseVersion: number | null, message?: string): Promise<number | null> => {
      const { designId, toDesign, markSaved, changeCount } = store.getState();
      setSave({ kind: 'saving' });
      try {
        const { version } = await api.saveVersion(designId, toDesign(), baseVersion ?? undefined, message);
        markSaved(version, changeCount);
        conflicted.current = false;
        setHasDraft(false);
        setSave({ kind: 'saved', version });
        return version;
      } catch (err) {
        return failed(err);
      }
    },
    [store, failed],
  );

  /** Makes a version of what is open (unless it is the saved version already); returns its number. */
  const saveNow = useCallback(
    (message?: string): Promise<number | null> =>
      serialised(async () => {
        const { dirty, savedVersion } = store.getState();
        if (!dirty && !hasDraftRef.current && savedVersion !== null && !message) return savedVersion;
        if (conflicted.current) return null;
        return saveVersionOnce(savedVersion, message);
      }),
    [store, serialised, saveVersionOnce],
  );

  /** Stores the edits as the draft (no version); returns the version they are based on. */
  const saveDraftNow = useCallback(
    (): Promise<number | null> =>
      serialised(async () => {
        const { dirty, savedVersion, designId, toDesign, markSaved, changeCount } = store.getState();
        if (savedVersion === null) return saveVersionOnce(null);
        if (!dirty) return savedVersion;
        if (conflicted.current) return null;
        setSave({ kind: 'saving' });
        try {
          await api.saveDraft(designId, toDesign(), savedVersion);
          markSaved(savedVersion, changeCount);
          setHasDraft(true);
          setSave({ kind: 'idle' });
          return savedVersion;
        } catch (err) {
          return failed(err);
        }
      }),
    [store, serialised, saveVersionOnce, failed],
  );

  // Autosave: a pause after the last change stores the draft (not while a conflict waits for the user).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.changeCount === prev.changeCount || !state.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(() => void saveDraftNow(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, saveDraftNow]);

  /** Throws the draft away: the latest version opens again (undo still has the edits until reload). */
  const discardDraft = useCallback(
    () =>
      serialised(async () => {
        const { designId, replaceDesign } = store.getState();
        try {
          const { version, design } = await api.discardDraft(designId);
          replaceDesign(design, version);
          setHasDraft(false);
          setSave({ kind: 'saved', version });
          return version;
        } catch (err) {
          return failed(err);
        }
      }),
    [store, serialised, failed],
  );

  /** Conflict → take the version saved elsewhere (mine stays reachable through version history). */
  const reloadTheirs = useCallback(async () => {
    const { designId, replaceDesign } = store.getState();
    try {
      const record = await api.getDesign(designId);
      replaceDesign(record.design, record.latestVersion);
      conflicted.current = false;
      setHasDraft(false);
      setSave({ kind: 'saved', version: record.latestVersion });
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
  }, [store]);

  /** Conflict → save mine as a new version on top of theirs (theirs stays in version history). */
  const overwriteWithMine = useCallback(async () => {
    if (save.kind !== 'conflict') return;
    conflicted.current = false;
    await serialised(() => saveVersionOnce(save.currentVersion));
  }, [save, serialised, saveVersionOnce]);

  /** Deploy made a version of the draft: what is open is that version now (unless edited meanwhile). */
  const versionMadeByDeploy = useCallback(
    (version: number) => {
      const { markSaved, dirty, changeCount } = store.getState();
      if (!dirty) markSaved(version, changeCount);
      setHasDraft(false);
      setSave({ kind: 'saved', version });
    },
    [store, setHasDraft],
  );

  /** Deploys with progress per stage; `force` deploys even when the replay check warns (a new task queue keeps running executions safe). */
  const deployNow = useCallback(async (force = false) => {
    // The edits go to the draft first; deploying the latest makes a version of it (the pipeline does).
    const { dirty, savedVersion } = store.getState();
    let version = savedVersion;
    if (dirty || version === null || inFlight.current) {
      setDeploy({ kind: 'saving' });
      version = await saveDraftNow();
      if (version === null) {
        setDeploy({ kind: 'error', message: 'Could not save the design before deploying.', diagnostics: [] });
        return;
      }
    }
    const fromDraft = hasDraftRef.current;
    let stages: DeployStages = {};
    const { changeCount, designId } = store.getState();
    setDeploy({ kind: 'deploying', stages, changeCount });
    try {
      const { status, body } = await deployWithProgress(
        `/api/designs/${encodeURIComponent(store.getState().designId)}/deployments`,
        { ...(fromDraft ? {} : { version }), ...(force ? { force: true } : {}) },
        (line) => {
          stages = { ...stages, [line.stage]: line };
          setDeploy({ kind: 'deploying', stages, changeCount });
        },
      );
      // Deploy made a version of the draft (even when a later stage refused it): what is open is that version.
      if (fromDraft) {
        const record = await api.getDesign(designId).catch(() => null);
        if (record && !record.draft) versionMadeByDeploy(record.latestVersion);
      }
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
  }, [store, saveDraftNow, versionMadeByDeploy]);

  const dismissDeploy = useCallback(() => setDeploy({ kind: 'idle' }), []);
  return { save, deploy, hasDraft, saveNow, saveDraftNow, discardDraft, deployNow, dismissDeploy, reloadTheirs, overwriteWithMine };
}
