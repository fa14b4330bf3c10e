'use client';
import { AssignmentsEditor } from '../designer/inspector/AssignmentsEditor';
import { ArgumentsChoice } from '../designer/inspector/ArgumentsChoice';
import { FieldsEditor } from '../designer/inspector/FieldsEditor';
import type { FormProps } from '../designer/inspector/forms';
import { HandlerActivityEditor } from '../designer/inspector/HandlerActivityEditor';
import { TextInput } from '../designer/inspector/inputs';
import { MessageNameHint } from '../designer/inspector/WireName';
import { HandlerNode } from '../flow/nodes/HandlerNode';
import { HANDLER_SCOPE } from './messageHints';
import type { StepUi } from './types';

/** Signal handler in the designer; what it generates: codegen/messages/signal.ts. */
function SignalForm({ data, patch }: FormProps<'signal'>) {
  return (
    <>
      <TextInput path="name" label="Signal name" value={data.name} expression hint={<MessageNameHint kind="signal" name={data.name} />} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" readAs="args" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <ArgumentsChoice path="arguments" name={data.name} fields={data.parameters} value={data.arguments} onChange={(value) => patch({ arguments: value })} />
      <TextInput path="when" label="Apply only when" value={data.when ?? ''} expression placeholder="e.g. !contains(paymentIds, args.paymentId)"
        hint="Otherwise the signal is ignored (dedupe by a key)." onChange={(when) => patch({ when: when || undefined })} />
      <HandlerActivityEditor activity={data.activity} onChange={(activity) => patch({ activity })} />
      <AssignmentsEditor assignments={data.assignments} scopeHint={HANDLER_SCOPE} onChange={(assignments) => patch({ assignments })} />
    </>
  );
}

export const signalUi: StepUi<'signal'> = {
  kind: 'signal',
  description: 'A message that changes state',
  family: 'signal',
  icon: 'M3 12h13M12 6l6 6-6 6M21 4v16',
  palette: 'Messages',
  // Drawn like every message: its signature (components/flow/nodes/HandlerNode.tsx).
  Node: HandlerNode,
  Form: SignalForm,
  newData: () => ({ label: 'Signal', name: '', parameters: [], assignments: [] }),
};
