'use client';
import { ResultTypeSchema } from '@/codegen/design';
import type { WorkflowSettings as Settings } from '../../flow/types';
import { useDesignerStore } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { FieldOwnerContext } from './FieldContext';
import { FieldsEditor } from './FieldsEditor';
import { SelectInput, TextInput } from './inputs';
import { VariablesEditor } from './VariablesEditor';

const select = (s: DesignerStore) => ({ workflow: s.workflow, update: s.updateWorkflow });

/** The workflow's own settings, shown when no node is selected. */
export function WorkflowSettings() {
  const { workflow, update } = useDesignerStore(select);
  const set = (patch: Partial<Settings>) => update(patch);
  return (
    <FieldOwnerContext.Provider value={undefined}>
      <div className="inspector" data-testid="workflow-settings">
        <p className="inspector__intro">Select a node to edit it. These settings belong to the whole workflow.</p>
        <TextInput path="name" testId="field-workflow-name" label="Workflow type name" value={workflow.name} expression
          hint="Used as the Temporal workflow type, e.g. ApprovalWorkflow." onChange={(name) => set({ name })} />
        <TextInput path="description" testId="field-workflow-description" label="Description" multiline
          value={workflow.description ?? ''} onChange={(d) => set({ description: d || undefined })} />
        <FieldsEditor title="Input fields" path="input" readAs="input" fields={workflow.input} onChange={(input) => set({ input })} />
        <VariablesEditor variables={workflow.variables} onChange={(variables) => set({ variables })} />
        <SelectInput path="resultType" label="Result type" value={workflow.resultType} options={ResultTypeSchema.options}
          onChange={(resultType) => set({ resultType })} />
      </div>
    </FieldOwnerContext.Provider>
  );
}
