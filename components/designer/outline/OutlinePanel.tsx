'use client';
import { useState } from 'react';
import type { Variable } from '../../../codegen/schema/design';
import { removeVariable, renameVariable, variableUsages, type Usage } from '../../../lib/designs/variables';
import { focusNode, useFitView } from '../../flow/fit';
import { useDesignerStore, useDesignerStoreApi } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { VariableRow } from './VariableRow';
import { HandlerRow } from './HandlerRow';
import { freeHandlerName, handlerNameProblem, handlerUsages, newHandlerPosition, type HandlerKind } from './handlers';

const HANDLER_KINDS = ['signal', 'query', 'update'] as const;

/** One string per handler, so moving nodes does not re-render the outline. */
const selectHandlers = (s: DesignerStore) =>
  s.nodes
    .filter((n) => (HANDLER_KINDS as readonly string[]).includes(n.type))
    .map((n) => JSON.stringify([n.id, n.type, 'name' in n.data ? n.data.name : '', n.data.label]));

/** Variables and message handlers of the whole workflow, beside the canvas. */
export function OutlinePanel() {
  const store = useDesignerStoreApi();
  const variables = useDesignerStore((s) => s.workflow.variables);
  const handlers = useDesignerStore(selectHandlers).map((h) => JSON.parse(h) as [string, HandlerKind, string, string]);
  const fitView = useFitView();
  const [deleting, setDeleting] = useState<{ name: string; usages: Usage[] } | null>(null);
  const [deletingHandler, setDeletingHandler] = useState<{ id: string; kind: HandlerKind; name: string; usages: Usage[] } | null>(null);

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
  const reveal = (id: string) => {
    store.getState().selectNode(id);
    void fitView(focusNode(id));
  };
  const addHandler = (kind: HandlerKind) => {
    const { nodes, addNode } = store.getState();
    const name = freeHandlerName(nodes, kind);
    const id = addNode(kind, newHandlerPosition(nodes), { name });
    void fitView(focusNode(id));
  };
  const renameHandler = (id: string, name: string) => store.getState().updateNodeData<HandlerKind>(id, { name });
  const removeHandler = (id: string) => {
    const { edges, onEdgesChange, onNodesChange } = store.getState();
    // Its connections and the node go in one undo step (the store merges the two removals).
    onEdgesChange(edges.filter((e) => e.source === id || e.target === id).map((e) => ({ type: 'remove', id: e.id })));
    onNodesChange([{ type: 'remove', id }]);
  };
  const askDeleteHandler = (id: string, kind: HandlerKind, name: string) => {
    const usages = handlerUsages(store.getState().edges, id);
    if (usages.length === 0) removeHandler(id);
    else setDeletingHandler({ id, kind, name, usages });
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
      <header className="outline__head outline__head--stacked outline__title2">
        <h3 className="panel-title">Message handlers</h3>
        <span className="outline__adds">
          {HANDLER_KINDS.map((kind) => (
            <button key={kind} type="button" className="btn btn--ghost btn--sm" data-testid={`outline-add-${kind}`} onClick={() => addHandler(kind)}
              title={`Add a ${kind} handler (placed left of the design)`}>+ {kind}</button>
          ))}
        </span>
      </header>
      {handlers.length === 0 ? <p className="list-section__empty">No signals, queries or updates yet: add one here or drag one from above.</p> : (
        <ul className="outline__list">
          {handlers.map(([id, kind, name, label]) => (
            <HandlerRow key={id} id={id} kind={kind} name={name} label={label}
              problemWith={(to) => handlerNameProblem(store.getState().nodes, id, to)}
              onReveal={() => reveal(id)} onRename={(to) => renameHandler(id, to)} onDelete={() => askDeleteHandler(id, kind, name)} />
          ))}
        </ul>
      )}
      {deletingHandler && (
        <ConfirmDeleteDialog what="handler" title={<>Delete the {deletingHandler.kind} <code>{deletingHandler.name || '(unnamed)'}</code>?</>}
          summary={`It is connected to ${deletingHandler.usages.length} wait${deletingHandler.usages.length === 1 ? '' : 's'}; a wait no other message can satisfy will show as a problem:`}
          usages={deletingHandler.usages} labelOf={labelOf}
          onConfirm={() => removeHandler(deletingHandler.id)} onClose={() => setDeletingHandler(null)} />
      )}
      {deleting && (
        <ConfirmDeleteDialog what="variable" title={<>Delete <code>{deleting.name}</code>?</>}
          summary={`It is used in ${deleting.usages.length} place${deleting.usages.length === 1 ? '' : 's'}; those will show as problems until fixed:`}
          usages={deleting.usages} labelOf={labelOf}
          onConfirm={() => remove(deleting.name)} onClose={() => setDeleting(null)} />
      )}
    </section>
  );
}
