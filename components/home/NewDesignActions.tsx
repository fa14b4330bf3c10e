'use client';
import { useRef } from 'react';
import type { Design } from '../../codegen/schema/design';
import approval from '../../examples/approval.json';
import { emptyDesign } from '../designer/defaults';
import { useCreateDesign } from './useCreateDesign';

/** New design, new from the approval example, or import a design JSON file. */
export function NewDesignActions() {
  const { busy, error, setError, create } = useCreateDesign();
  const file = useRef<HTMLInputElement>(null);

  async function importFile(f: File) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await f.text());
    } catch (err) {
      return setError(`${f.name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    // Accept both a bare design and an export wrapped as { design }.
    const design = (parsed && typeof parsed === 'object' && 'design' in parsed ? (parsed as { design: unknown }).design : parsed) as Design;
    await create(design);
  }

  return (
    <div className="new-actions">
      <div className="new-actions__buttons">
        <button type="button" className="btn btn--primary" data-testid="new-design" disabled={busy} onClick={() => void create(emptyDesign())}>
          New design
        </button>
        <button type="button" className="btn" data-testid="new-from-example" disabled={busy} onClick={() => void create(approval as Design)}>
          New from approval example
        </button>
        <button type="button" className="btn btn--ghost" data-testid="import-json" disabled={busy} onClick={() => file.current?.click()}>
          Import JSON…
        </button>
        <input ref={file} type="file" accept="application/json,.json" hidden data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }} />
      </div>
      {error && <p className="banner banner--error" role="alert" data-testid="home-error">{error}</p>}
    </div>
  );
}
