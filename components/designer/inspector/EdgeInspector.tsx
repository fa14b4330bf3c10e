'use client';
import { useState } from 'react';
import { focusNode, useFitView } from '../../flow/fit';
import { isHandlerType } from '../../flow/handles';
import type { DesignerEdge } from '../../flow/types';
import { useDesignerStore, useDesignerStoreApi } from '../DesignerStoreProvider';
import { nodeName, outputChoices, targetChoices, type ConnectionEdit } from '../edge-edit';
import { FieldMessages } from './FieldContext';
import { SelectInput } from './inputs';

/**
 * Edits the selected connection: which output of its source it leaves from and which step it
 * leads to (only choices a drag would accept are offered), its problems, and deleting it.
 */
export function EdgeInspector({ edge }: { edge: DesignerEdge }) {
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const [refusal, setRefusal] = useState<string | null>(null);
  // One string per pick, so unrelated edits elsewhere do not re-render the form.
  const { source, sourceKind, target, outputs, targets } = JSON.parse(
    useDesignerStore((s) => {
      const from = s.nodes.find((n) => n.id === edge.source);
      const to = s.nodes.find((n) => n.id === edge.target);
      return JSON.stringify({
        source: from ? nodeName(from) : edge.source,
        sourceKind: from?.type ?? '',
        target: to ? nodeName(to) : edge.target,
        outputs: from ? outputChoices(from) : [],
        targets: targetChoices(s, edge),
      });
    }),
  ) as { source: string; sourceKind: string; target: string; outputs: { value: string; label: string }[]; targets: { value: string; label: string }[] };
  const problems = useDesignerStore((s) => s.compile.diagnostics.filter((d) => d.edgeId === edge.id));
  const fromHandler = isHandlerType(sourceKind);

  const change = (patch: ConnectionEdit) => {
    const verdict = store.getState().updateEdge(edge.id, patch);
    setRefusal(verdict.ok ? null : verdict.reason);
  };
  const reveal = (id: string) => {
    store.getState().selectNode(id);
    void fitView(focusNode(id));
  };
  const remove = () => store.getState().onEdgesChange([{ type: 'remove', id: edge.id }]);

  return (
    <div className="inspector" data-testid="edge-inspector" data-edge-id={edge.id}>
      <header className="inspector__head">
        <div>
          <div className="inspector__kind">{fromHandler ? 'Message connection' : 'Connection'}</div>
          <div className="inspector__desc">
            {fromHandler
              ? `The ${sourceKind} "${source}" can satisfy the wait "${target}".`
              : `After "${source}", the execution goes on with "${target}".`}
          </div>
        </div>
      </header>
      <div className="field">
        <span className="field__label">From</span>
        <button type="button" className="btn btn--ghost btn--sm inspector__jump" data-testid="edge-source" onClick={() => reveal(edge.source)} title="Select this step">
          {source} →
        </button>
      </div>
      {!fromHandler && outputs.length > 1 && (
        <SelectInput path="sourceHandle" label="Leaves from" testId="edge-output" value={edge.sourceHandle ?? ''} options={outputs}
          onChange={(sourceHandle) => change({ sourceHandle })} />
      )}
      <SelectInput path="target" label={fromHandler ? 'Satisfies' : 'Leads to'} testId="edge-target" value={edge.target} options={targets}
        onChange={(next) => change({ target: next })} />
      <button type="button" className="btn btn--ghost btn--sm inspector__jump" data-testid="edge-target-open" onClick={() => reveal(edge.target)} title="Select this step">
        Go to &quot;{target}&quot; →
      </button>
      {refusal && <p className="field-msg field-msg--error" role="alert" data-testid="edge-refusal">{refusal}</p>}
      <div data-testid="edge-problems">
        <FieldMessages diagnostics={problems} />
      </div>
      <footer className="inspector__foot">
        <button type="button" className="btn btn--danger-ghost btn--sm" data-testid="delete-edge" onClick={remove}>
          Delete connection
        </button>
      </footer>
    </div>
  );
}
