'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ConflictBanner } from './ConflictBanner';
import { DesignFileMenu } from './DesignFileMenu';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import styles from './DesignerHeader.module.css';
import { DeployStatus } from './DeployStatus';
import { ExportButton } from './ExportButton';
import { SaveIndicator } from './SaveIndicator';
import { SaveVersionDialog } from './SaveVersionDialog';
import { StartDialog } from './StartDialog';
import type { DesignerStore } from './store';
import { useActiveDeployment } from './useActiveDeployment';
import { useSaveDeploy } from './useSaveDeploy';

const select = (s: DesignerStore) => ({ name: s.workflow.name, dirty: s.dirty, savedVersion: s.savedVersion, designId: s.designId });

export function DesignerHeader() {
  const { name, dirty, savedVersion, designId } = useDesignerStore(select);
  const store = useDesignerStoreApi();
  const { save, deploy, hasDraft, saveNow, discardDraft, deployNow, dismissDeploy, reloadTheirs, overwriteWithMine } = useSaveDeploy();
  const [savingVersion, setSavingVersion] = useState(false);
  const [starting, setStarting] = useState(false);
  const { presence, refresh: refreshPresence } = useActiveDeployment(designId);
  /** Whether an active deployment existed when the shown deploy began (the replay check's reason for skipping). */
  const [hadActiveDeployment, setHadActiveDeployment] = useState<boolean | null>(null);
  const deployWithContext = useCallback(
    (force = false) => {
      setHadActiveDeployment(presence === 'active' ? true : presence === 'none' ? false : null);
      void deployNow(force);
    },
    [presence, deployNow],
  );
  useEffect(() => {
    if (deploy.kind === 'deployed') void refreshPresence();
  }, [deploy.kind, refreshPresence]);
  // Never deployed: Deploy is the next step, Start says why it cannot run yet.
  const notDeployed = presence === 'none';
  const busy = save.kind === 'saving' || deploy.kind === 'saving' || deploy.kind === 'deploying';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!busy) void saveNow();
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (store.getState().dirty) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [busy, saveNow, store]);

  return (
    <header className="designer-header">
      <Link href="/" className="brand" aria-label="All designs">Signalbox</Link>
      <span className="crumb-sep">/</span>
      <input className={`name-input ${styles.name}`} data-testid="design-name" value={name} title={name} aria-label="Workflow name" spellCheck={false}
        onChange={(e) => store.getState().updateWorkflow({ name: e.target.value })} />
      <SaveIndicator save={save} dirty={dirty} savedVersion={savedVersion} hasDraft={hasDraft} onDiscard={() => void discardDraft()} />
      <div className="designer-header__actions">
        <DesignFileMenu saveNow={saveNow} />
        <ExportButton saveNow={saveNow} />
        <button type="button" className="btn btn--ghost" data-testid="workflow-settings-button" onClick={() => store.getState().selectNode(null)}>
          Workflow settings
        </button>
        <button type="button" className="btn" data-testid="save-button" disabled={busy || save.kind === 'conflict'} onClick={() => setSavingVersion(true)}>Save</button>
        <button type="button" className={notDeployed ? 'btn btn--primary' : 'btn'} data-testid="deploy-button" disabled={busy} onClick={() => deployWithContext()}>
          {deploy.kind === 'deploying' ? 'Deploying…' : 'Deploy'}
        </button>
        <span className={styles.startGroup}>
          <button type="button" className={presence === 'active' ? 'btn btn--primary' : 'btn'} data-testid="start-button" disabled={notDeployed}
            aria-describedby={notDeployed ? 'start-reason' : undefined} onClick={() => setStarting(true)}>Start…</button>
          {notDeployed && <span id="start-reason" className={styles.startReason} data-testid="start-reason">Deploy this design first</span>}
        </span>
      </div>
      <DeployStatus state={deploy} onDismiss={dismissDeploy} onForce={() => deployWithContext(true)} onRecheck={() => deployWithContext()}
        hadActiveDeployment={hadActiveDeployment} />
      {save.kind === 'conflict' && (
        <ConflictBanner currentVersion={save.currentVersion} onReload={() => void reloadTheirs()} onOverwrite={() => void overwriteWithMine()} />
      )}
      {starting && <StartDialog designId={designId} onClose={() => setStarting(false)} />}
      {savingVersion && <SaveVersionDialog savedVersion={savedVersion} onSave={saveNow} onClose={() => setSavingVersion(false)} />}
    </header>
  );
}
