'use client';
import { ArgumentsChoice } from '../designer/inspector/ArgumentsChoice';
import { FieldsEditor } from '../designer/inspector/FieldsEditor';
import type { FormProps } from '../designer/inspector/forms';
import { TextInput } from '../designer/inspector/inputs';
import { MessageNameHint } from '../designer/inspector/WireName';
import { HandlerNode } from '../flow/nodes/HandlerNode';
import type { StepUi } from './types';

/** Query handler in the designer; what it generates: codegen/messages/query.ts. */
function QueryForm({ data, patch }: FormProps<'query'>) {
  return (
    <>
      <TextInput path="name" label="Query name" value={data.name} expression hint={<MessageNameHint kind="query" name={data.name} />} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" readAs="args" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <ArgumentsChoice path="arguments" name={data.name} fields={data.parameters} value={data.arguments} onChange={(value) => patch({ arguments: value })} />
      <TextInput path="returns" label="Returns" value={data.returns} expression placeholder='e.g. decided ? "done" : "pending"'
        hint="Queries only read state." onChange={(returns) => patch({ returns })} />
    </>
  );
}

export const queryUi: StepUi<'query'> = {
  kind: 'query',
  description: 'Read state without changing it',
  family: 'query',
  icon: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 18.5v.5',
  palette: 'Messages',
  // Drawn like every message: its signature (components/flow/nodes/HandlerNode.tsx), with no output.
  Node: HandlerNode,
  Form: QueryForm,
  newData: () => ({ label: 'Query', name: '', parameters: [], returns: '' }),
};
