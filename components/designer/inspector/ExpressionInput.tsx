'use client';
import { useContext, useMemo } from 'react';
import { failurePathNodes, identifierOf } from '@/codegen/design';
import type { ExpressionScope } from '@/lib/designs/expression-assist';
import type { Diagnostic } from '../../api/types';
import { loadOnFirstUse } from '../../ui/load-on-first-use';
import { flowToDesign } from '../convert';
import { useDesignerStore } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import type { ExpressionEditorProps } from './ExpressionEditor';
import { FieldOwnerContext } from './FieldContext';

interface Props {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  diagnostics: Diagnostic[];
}

/** The editor is loaded on first use (CodeMirror stays out of the designer's first bundle). */
const useExpressionEditor = loadOnFirstUse<ExpressionEditorProps>(() => import('./ExpressionEditor'));

/** One string for the whole scope, so unrelated edits (moves, other fields) do not rebuild it. */
const selectScope = (owner: string | undefined) => (s: DesignerStore) => {
  const node = owner ? s.nodes.find((n) => n.id === owner) : undefined;
  const params = node && 'parameters' in node.data ? node.data.parameters : undefined;
  return JSON.stringify({
    variables: s.workflow.variables.map((v) => ({ name: v.name, type: v.type })),
    // Expressions read input fields and parameters under their identifiers: approver_name → args.approverName.
    input: s.workflow.input.map((f) => ({ name: identifierOf(f.name), type: f.type })),
    args: params?.map((p) => ({ name: identifierOf(p.name), type: p.type })),
    failure: owner ? failurePathNodes(flowToDesign(s)).has(owner) : false,
  });
};

/** An expression field: highlighted, with completion of what is in scope and errors where they are. */
export function ExpressionInput({ value, onChange, testId, placeholder, diagnostics }: Props) {
  const owner = useContext(FieldOwnerContext);
  const scopeJson = useDesignerStore(selectScope(owner));
  const scope = useMemo(() => JSON.parse(scopeJson) as ExpressionScope, [scopeJson]);
  const Editor = useExpressionEditor();
  if (!Editor) {
    // Until the editor has loaded, a plain input edits the same value under the same test id.
    return <input className="input input--code" data-testid={testId} value={value} placeholder={placeholder} spellCheck={false}
      autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
  }
  return <Editor value={value} onChange={onChange} testId={testId} placeholder={placeholder} scope={scope} diagnostics={diagnostics} />;
}
