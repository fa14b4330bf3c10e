'use client';
import { useRef, useState } from 'react';
import { exportDesignJson, exportFileName } from '@/lib/designs/canonical';
import { MAX_IMPORT_BYTES, parseDesignFile, type ImportProblem } from '@/lib/designs/import-design';
import { Icon } from '../ui/Icon';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { ImportErrorDialog } from './ImportErrorDialog';
import { VersionHistoryDialog } from './VersionHistoryDialog';

/** Import / export of design JSON and the version history, in one menu. */
export function DesignFileMenu({ saveNow }: { saveNow: () => Promise<number | null> }) {
  const store = useDesignerStoreApi();
  const menu = useRef<HTMLDetailsElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<{ message: string; problems: ImportProblem[] } | null>(null);
  const [history, setHistory] = useState(false);
  const close = () => menu.current?.removeAttribute('open');

  async function importFile(f: File) {
    // Refused before reading: a huge file is never loaded.
    if (f.size > MAX_IMPORT_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return setImportError({ message: `${f.name} is ${mb(f.size)} MB; designs larger than ${mb(MAX_IMPORT_BYTES)} MB cannot be imported.`, problems: [] });
    }
    const result = parseDesignFile(await f.text(), f.name);
    if (!result.ok) return setImportError({ message: result.message, problems: result.problems });
    // Undoable like any edit, and kept in the draft by autosave (Save makes it a version).
    store.getState().replaceDesign(result.design);
  }

  function exportFile() {
    const design = store.getState().toDesign();
    const url = URL.createObjectURL(new Blob([exportDesignJson(design)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(design);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <details ref={menu} className="menu">
        <summary className="btn btn--ghost" data-testid="design-menu">Design <Icon name="chevron-down" size={14} /></summary>
        <div className="menu__items" role="menu">
          <button type="button" role="menuitem" data-testid="import-design" onClick={() => { close(); file.current?.click(); }}>
            Import design JSON…
          </button>
          <button type="button" role="menuitem" data-testid="export-design" onClick={() => { close(); exportFile(); }}>
            Export design JSON
          </button>
          <button type="button" role="menuitem" data-testid="history-button" onClick={() => { close(); setHistory(true); }}>
            Version history…
          </button>
        </div>
      </details>
      <input ref={file} type="file" accept="application/json,.json" hidden data-testid="import-design-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }} />
      {importError && <ImportErrorDialog {...importError} onClose={() => setImportError(null)} />}
      {history && <VersionHistoryDialog saveNow={saveNow} onClose={() => setHistory(false)} />}
    </>
  );
}
