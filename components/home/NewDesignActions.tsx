'use client';
import { useRef, useState } from 'react';
import type { Design } from '@/codegen/design';
import { findTemplate } from '@/examples';
import { MAX_IMPORT_BYTES, parseDesignFile, type ImportProblem } from '@/lib/designs/import-design';
import { emptyDesign } from '../designer/defaults';
import { ImportProblems } from '../designer/ImportErrorDialog';
import { TemplateGallery } from './TemplateGallery';
import { useCreateDesign } from './useCreateDesign';

/** New design, new from a template, or import a design JSON file. */
export function NewDesignActions() {
  const { busy, error, setError, create } = useCreateDesign();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [gallery, setGallery] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  async function importFile(f: File) {
    setProblems([]);
    if (f.size > MAX_IMPORT_BYTES) {
      return setError(`${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; designs larger than 5 MB cannot be imported.`);
    }
    const result = parseDesignFile(await f.text(), f.name);
    if (!result.ok) {
      setProblems(result.problems);
      return setError(result.message);
    }
    await create(result.design);
  }

  return (
    <div className="new-actions">
      <div className="new-actions__buttons">
        <button type="button" className="btn btn--primary" data-testid="new-design" disabled={busy} onClick={() => void create(emptyDesign())}>
          New design
        </button>
        <button type="button" className="btn" data-testid="new-from-template" disabled={busy} onClick={() => setGallery(true)}>
          New from template…
        </button>
        <button type="button" className="btn" data-testid="new-from-example" disabled={busy}
          onClick={() => void create(findTemplate('approval')!.design as Design)}>
          New from approval example
        </button>
        <button type="button" className="btn btn--ghost" data-testid="import-json" disabled={busy} onClick={() => file.current?.click()}>
          Import design…
        </button>
        <input ref={file} type="file" accept="application/json,.json" hidden data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }} />
      </div>
      {error && (
        <div className="banner banner--error" role="alert" data-testid="home-error">
          <p>{error}</p>
          {problems.length > 0 && <ImportProblems problems={problems} />}
        </div>
      )}
      {gallery && <TemplateGallery busy={busy} onClose={() => setGallery(false)} onPick={(t) => void create(t.design)} />}
    </div>
  );
}
