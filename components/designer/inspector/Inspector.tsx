'use client';
import { kindTitle, type NodeType } from '@/codegen/design';
import type { ComponentType } from 'react';
import { NodeIcon } from '../../flow/NodeIcon';
import type { NodeData } from '../../flow/types';
import { STEP_UI } from '../../steps';
import type { SelectedNode } from '../useSelectedNode';
import { useDesignerStoreApi } from '../DesignerStoreProvider';
import { FieldOwnerContext } from './FieldContext';
import type { FormProps } from './forms';
import { TextInput } from './inputs';

/** Edits the selected node: its label and description, then the fields of its kind. */
export function Inspector({ node }: { node: SelectedNode }) {
  const store = useDesignerStoreApi();
  const patch = (p: Partial<NodeData<NodeType>>) => store.getState().updateNodeData(node.id, p);
  const remove = () => store.getState().onNodesChange([{ type: 'remove', id: node.id }]);
  const removeEdges = () =>
    store.getState().onEdgesChange(
      store.getState().edges.filter((e) => e.source === node.id || e.target === node.id).map((e) => ({ type: 'remove', id: e.id })),
    );
  return (
    <FieldOwnerContext.Provider value={node.id}>
      <div className="inspector" data-testid="inspector" data-node-id={node.id} data-kind={node.type}>
        <header className={`inspector__head fam-${STEP_UI[node.type].family}`}>
          <span className="palette-item__icon"><NodeIcon type={node.type} /></span>
          <div>
            <div className="inspector__kind">{kindTitle(node.type)}</div>
            <div className="inspector__desc">{STEP_UI[node.type].description}</div>
          </div>
        </header>
        <TextInput path="label" label="Label" value={node.data.label} onChange={(label) => patch({ label })} />
        <TextInput path="description" label="Description" multiline value={node.data.description ?? ''}
          placeholder="What this step is for (optional)" onChange={(d) => patch({ description: d || undefined })} />
        <KindForm node={node} patch={patch} />
        {node.type !== 'start' && (
          <footer className="inspector__foot">
            <button type="button" className="btn btn--danger-ghost btn--sm" data-testid="delete-node" onClick={() => { removeEdges(); remove(); }}>
              Delete node
            </button>
          </footer>
        )}
      </div>
    </FieldOwnerContext.Provider>
  );
}

/** The fields of the node's kind: its form in components/steps/<kind>.tsx. */
function KindForm({ node, patch }: { node: SelectedNode; patch: (p: Partial<NodeData<NodeType>>) => void }) {
  // The registry pairs each kind with its own form, so this node's data always fits the form it picks.
  const Form = STEP_UI[node.type].Form as ComponentType<FormProps<NodeType>>;
  return <Form data={node.data} patch={patch} />;
}
