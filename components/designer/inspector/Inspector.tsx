'use client';
import type { NodeType } from '../../../codegen/schema/design';
import { KINDS } from '../../flow/kinds';
import { NodeIcon } from '../../flow/NodeIcon';
import type { NodeData } from '../../flow/types';
import type { SelectedNode } from '../useSelectedNode';
import { useDesignerStoreApi } from '../DesignerStoreProvider';
import { ActivityForm } from './ActivityForm';
import { AssignForm } from './AssignForm';
import { DecisionForm } from './DecisionForm';
import { ChildWorkflowForm } from './ChildWorkflowForm';
import { ContinueAsNewForm } from './ContinueAsNewForm';
import { EndForm } from './EndForm';
import { FieldOwnerContext } from './FieldContext';
import { QueryForm, SignalForm, UpdateForm } from './HandlerForms';
import { SignalExternalForm } from './SignalExternalForm';
import { TextInput } from './inputs';
import { TimerForm } from './TimerForm';
import { WaitForm } from './WaitForm';

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
        <header className={`inspector__head fam-${KINDS[node.type].family}`}>
          <span className="palette-item__icon"><NodeIcon type={node.type} /></span>
          <div>
            <div className="inspector__kind">{KINDS[node.type].title}</div>
            <div className="inspector__desc">{KINDS[node.type].description}</div>
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

function KindForm({ node, patch }: { node: SelectedNode; patch: (p: Partial<NodeData<NodeType>>) => void }) {
  const p = patch as never;
  switch (node.type) {
    case 'wait': return <WaitForm data={node.data} patch={p} />;
    case 'timer': return <TimerForm data={node.data} patch={p} />;
    case 'activity': return <ActivityForm data={node.data} patch={p} />;
    case 'decision': return <DecisionForm data={node.data} patch={p} />;
    case 'assign': return <AssignForm data={node.data} patch={p} />;
    case 'end': return <EndForm data={node.data} patch={p} />;
    case 'continueAsNew': return <ContinueAsNewForm data={node.data} patch={p} />;
    case 'childWorkflow': return <ChildWorkflowForm data={node.data} patch={p} />;
    case 'signalExternal': return <SignalExternalForm data={node.data} patch={p} />;
    case 'signal': return <SignalForm data={node.data} patch={p} />;
    case 'query': return <QueryForm data={node.data} patch={p} />;
    case 'update': return <UpdateForm data={node.data} patch={p} />;
    default: return <p className="muted">Every execution starts here. Connect its output to the first step.</p>;
  }
}
