'use client';
import { AssignmentsEditor } from '../designer/inspector/AssignmentsEditor';
import { ArgumentsChoice } from '../designer/inspector/ArgumentsChoice';
import { FieldsEditor } from '../designer/inspector/FieldsEditor';
import type { FormProps } from '../designer/inspector/forms';
import { HandlerActivityEditor } from '../designer/inspector/HandlerActivityEditor';
import { TextInput } from '../designer/inspector/inputs';
import { MessageNameHint } from '../designer/inspector/WireName';
import { ValidatorsEditor } from '../designer/inspector/ValidatorsEditor';
import { HandlerNode } from '../flow/nodes/HandlerNode';
import { HANDLER_SCOPE } from './messageHints';
import type { StepUi } from './types';

/** Update handler in the designer; what it generates: codegen/messages/update.ts. */
function UpdateForm({ data, patch }: FormProps<'update'>) {
  return (
    <>
      <TextInput path="name" label="Update name" value={data.name} expression hint={<MessageNameHint kind="update" name={data.name} />} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" readAs="args" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <ArgumentsChoice path="arguments" name={data.name} fields={data.parameters} value={data.arguments} onChange={(value) => patch({ arguments: value })} />
      <ValidatorsEditor rules={data.validators} onChange={(validators) => patch({ validators })} />
      <TextInput path="waitUntil" label="Wait until" value={data.waitUntil ?? ''} expression placeholder="e.g. done * 100 >= args.percent * input.steps"
        hint="The update returns once this holds (instead of query polling)." onChange={(waitUntil) => patch({ waitUntil: waitUntil || undefined })} />
      <TextInput path="when" label="Apply only when" value={data.when ?? ''} expression placeholder="e.g. !contains(appliedUpdateIds, updateId())"
        hint="Otherwise the update only returns (idempotent retries)." onChange={(when) => patch({ when: when || undefined })} />
      <ValidatorsEditor path="checks" title="Checks after acceptance" empty="No checks." rules={data.checks ?? []}
        onChange={(checks) => patch({ checks: checks.length ? checks : undefined })} />
      <HandlerActivityEditor activity={data.activity} onChange={(activity) => patch({ activity })} />
      <AssignmentsEditor assignments={data.assignments} scopeHint={HANDLER_SCOPE} onChange={(assignments) => patch({ assignments })} />
      <TextInput path="returns" label="Returns" value={data.returns ?? ''} expression placeholder='e.g. "Comment saved"'
        onChange={(returns) => patch({ returns: returns || undefined })} />
    </>
  );
}

export const updateUi: StepUi<'update'> = {
  kind: 'update',
  description: 'Validated change with a reply',
  family: 'update',
  icon: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  palette: 'Messages',
  // Drawn like every message: its signature (components/flow/nodes/HandlerNode.tsx).
  Node: HandlerNode,
  Form: UpdateForm,
  newData: () => ({ label: 'Update', name: '', parameters: [], validators: [], assignments: [], returns: '' }),
};
