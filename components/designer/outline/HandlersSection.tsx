'use client';
import { useState } from 'react';
import { focusNode, useFitView } from '../../flow/fit';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { useDesignerStore, useDesignerStoreApi } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { HandlerRow } from './HandlerRow';
import { freeHandlerName, handlerNameProblem, handlerUsages, newHandlerPosition, type HandlerKind } from './handlers';

const HANDLER_KINDS: readonly HandlerKind[] = ['signal', 'query', 'update'];

/** One string per handler, so moving nodes does not re-render the outline. */
const selectHandlers = (s: DesignerStore) =>
  s.nodes
    .filter((n) => (HANDLER_KINDS as readonly string[]).includes(n.type))
    .map((n) => JSON.stringify([n.id, n.type, 'name' in n.data ? n.data.name : '', n.data.label]));

interface Deleting {
  id: string;
  kind: HandlerKind;
  name: string;
  usages: { nodeId: string; field: string }[];
}

/** The workflow's signals, queries and updates: shown on the canvas by a click, added, renamed and deleted here. */
export function HandlersSection({ labelOf }: { labelOf: (nodeId: string) => string }) {
  const store = useDesignerStoreApi();
  const handlers = useDesignerStore(selectHandlers).map((h) => JSON.parse(h) as [string, HandlerKind, string, string]);
  const fitView = useFitView();
  const [deleting, setDeleting] = useState<Deleting | null>(null);

  const reveal = (id: string) => {
    store.getState().selectNode(id);
    void fitView(focusNode(id));
  };
  const add = (kind: HandlerKind) => {
    const { nodes, addNode } = store.getState();
    const id = addNode(kind, newHandlerPosition(nodes), { name: freeHandlerName(nodes, kind) });
    void fitView(focusNode(id));
  };
  const rename = (id: string, name: string) => store.getState().updateNodeData<HandlerKind>(id, { name });
  const remove = (id: string) => {
    const { edges, onEdgesChange, onNodesChange } = store.getState();
    // Its connections and the node go in one undo step (the store merges the two removals).
    onEdgesChange(edges.filter((e) => e.source === id || e.target === id).map((e) => ({ type: 'remove', id: e.id })));
    onNodesChange([{ type: 'remove', id }]);
  };
  const askDelete = (id: string, kind: HandlerKind, name: string) => {
    const usages = handlerUsages(store.getState().edges, id);
    if (usages.length === 0) remove(id);
    else setDeleting({ id, kind, name, usages });
  };

  return (
    <>
      <header className="outline__head outline__head--stacked outline__title2">
        <h3 className="panel-title">Message handlers</h3>
        <span className="outline__adds">
          {HANDLER_KINDS.map((kind) => (
            <button key={kind} type="button" className="btn btn--ghost btn--sm" data-testid={`outline-add-${kind}`} onClick={() => add(kind)}
              title={`Add a ${kind} handler (placed left of the design)`}>+ {kind}</button>
          ))}
        </span>
      </header>
      {handlers.length === 0 ? <p className="list-section__empty">No signals, queries or updates yet: add one here or drag one from above.</p> : (
        <ul className="outline__list">
          {handlers.map(([id, kind, name, label]) => (
            <HandlerRow key={id} id={id} kind={kind} name={name} label={label}
              problemWith={(to) => handlerNameProblem(store.getState().nodes, id, to)}
              onReveal={() => reveal(id)} onRename={(to) => rename(id, to)} onDelete={() => askDelete(id, kind, name)} />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDeleteDialog what="handler" title={<>Delete the {deleting.kind} <code>{deleting.name || '(unnamed)'}</code>?</>}
          summary={`It is connected to ${deleting.usages.length} wait${deleting.usages.length === 1 ? '' : 's'}; a wait no other message can satisfy will show as a problem:`}
          usages={deleting.usages} labelOf={labelOf}
          onConfirm={() => remove(deleting.id)} onClose={() => setDeleting(null)} />
      )}
    </>
  );
}
