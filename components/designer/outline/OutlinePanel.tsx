'use client';
import { useState } from 'react';
import type { Variable } from '@/codegen/design';
import { removeVariable, renameVariable, variableUsages, type Usage } from '@/lib/designs/variables';
import { useDesignerStore, useDesignerStoreApi } from '../DesignerStoreProvider';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { HandlersSection } from './HandlersSection';
import { VariableRow } from './VariableRow';

/** Variables and message handlers of the whole workflow, beside the canvas. */
export function OutlinePanel() {
  const store = useDesignerStoreApi();
  const variables = useDesignerStore((s) => s.workflow.variables);
  const [deleting, setDeleting] = useState<{ name: string; usages: Usage[] } | null>(null);

  const taken = (name: string) => variables.some((v) => v.name === name);
  const add = () => {
    let n = 1;
    while (taken(`variable${n}`)) n++;
    const variable: Variable = { name: `variable${n}`, type: 'string', initial: '""' };
    store.getState().updateWorkflow({ variables: [...variables, variable] });
  };
  const rename = (from: string, to: string) => store.getState().editDesign((d) => renameVariable(d, from, to));
  const remove = (name: string) => store.getState().editDesign((d) => removeVariable(d, name));
  const askDelete = (name: string) => {
    const usages = variableUsages(store.getState().toDesign(), name);
    if (usages.length === 0) remove(name);
    else setDeleting({ name, usages });
  };
  const labelOf = (id: string) => store.getState().nodes.find((n) => n.id === id)?.data.label || id;

  return (
    <section className="outline" data-testid="outline">
      <header className="outline__head">
        <h3 className="panel-title">Variables</h3>
        <button type="button" className="btn btn--ghost btn--sm" data-testid="outline-add-variable" onClick={add}>+ Add</button>
      </header>
      {variables.length === 0 ? <p className="list-section__empty">No variables yet.</p> : (
        <ul className="outline__list">
          {variables.map((v, i) => (
            <VariableRow key={`${i}-${v.name}`} variable={v} taken={taken} onRename={(to) => rename(v.name, to)}
              onDelete={() => askDelete(v.name)} />
          ))}
        </ul>
      )}
      <HandlersSection labelOf={labelOf} />
      {deleting && (
        <ConfirmDeleteDialog what="variable" title={<>Delete <code>{deleting.name}</code>?</>}
          summary={`It is used in ${deleting.usages.length} place${deleting.usages.length === 1 ? '' : 's'}; those will show as problems until fixed:`}
          usages={deleting.usages} labelOf={labelOf}
          onConfirm={() => remove(deleting.name)} onClose={() => setDeleting(null)} />
      )}
    </section>
  );
}
