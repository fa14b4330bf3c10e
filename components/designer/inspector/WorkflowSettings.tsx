'use client';
import { WorkflowResultTypeSchema } from '@/codegen/design';
import type { WorkflowSettings as Settings } from '../../flow/types';
import { useDesignerStore } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { ArgumentsChoice } from './ArgumentsChoice';
import { FieldOwnerContext } from './FieldContext';
import { FieldsEditor } from './FieldsEditor';
import { useEffect, useState } from 'react';
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
        <TagsInput tags={workflow.tags ?? []} onChange={(tags) => set({ tags })} />
        <FieldsEditor title="Input fields" path="input" readAs="input" fields={workflow.input} onChange={(input) => set({ input })} />
        <ArgumentsChoice path="inputArguments" name={`${workflow.name || '…'}.run`} fields={workflow.input} value={workflow.inputArguments}
          onChange={(inputArguments) => set({ inputArguments })} />
        <VariablesEditor variables={workflow.variables} onChange={(variables) => set({ variables })} />
        <SelectInput path="resultType" label="Result type" value={workflow.resultType} options={WorkflowResultTypeSchema.options}
          onChange={(resultType) => set({ resultType })} />
      </div>
    </FieldOwnerContext.Provider>
  );
}

/** "finance, Onboarding ,, finance" → ["finance", "Onboarding"]: trimmed, empty ones dropped, each once; none → absent. */
export function parseTags(text: string): string[] | undefined {
  const tags = [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
  return tags.length > 0 ? tags : undefined;
}

/** Tags typed as one comma-separated line, applied when the field is left or Enter is pressed (so a comma can be typed). */
function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[] | undefined) => void }) {
  const joined = tags.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => setText(joined), [joined]);
  const apply = () => {
    const parsed = parseTags(text);
    if ((parsed ?? []).join(', ') !== joined) onChange(parsed);
    else setText(joined);
  };
  return (
    <label className="field">
      <span className="field__label">Tags</span>
      <input className="input" data-testid="field-workflow-tags" value={text} placeholder="e.g. finance, onboarding" autoComplete="off"
        onChange={(e) => setText(e.target.value)} onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }} />
      <span className="field__hint">Comma-separated labels for finding the design on the home page.</span>
    </label>
  );
}
