'use client';
import { AssignmentsEditor } from './AssignmentsEditor';
import { FieldsEditor } from './FieldsEditor';
import { HandlerActivityEditor } from './HandlerActivityEditor';
import { TextInput } from './inputs';
import { ValidatorsEditor } from './ValidatorsEditor';
import type { FormProps } from './forms';

const NAME_HINT = 'The message name clients use, e.g. approve.';
const SCOPE = 'expression; args.<parameter> for parameters';

export function SignalForm({ data, patch }: FormProps<'signal'>) {
  return (
    <>
      <TextInput path="name" label="Signal name" value={data.name} expression hint={NAME_HINT} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <TextInput path="when" label="Apply only when" value={data.when ?? ''} expression placeholder="e.g. !contains(paymentIds, args.paymentId)"
        hint="Otherwise the signal is ignored (dedupe by a key)." onChange={(when) => patch({ when: when || undefined })} />
      <HandlerActivityEditor activity={data.activity} onChange={(activity) => patch({ activity })} />
      <AssignmentsEditor assignments={data.assignments} scopeHint={SCOPE} onChange={(assignments) => patch({ assignments })} />
    </>
  );
}

export function QueryForm({ data, patch }: FormProps<'query'>) {
  return (
    <>
      <TextInput path="name" label="Query name" value={data.name} expression hint={NAME_HINT} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <TextInput path="returns" label="Returns" value={data.returns} expression placeholder='e.g. decided ? "done" : "pending"'
        hint="Queries only read state." onChange={(returns) => patch({ returns })} />
    </>
  );
}

export function UpdateForm({ data, patch }: FormProps<'update'>) {
  return (
    <>
      <TextInput path="name" label="Update name" value={data.name} expression hint={NAME_HINT} onChange={(name) => patch({ name })} />
      <FieldsEditor title="Parameters" path="parameters" fields={data.parameters} onChange={(parameters) => patch({ parameters })} />
      <ValidatorsEditor rules={data.validators} onChange={(validators) => patch({ validators })} />
      <TextInput path="waitUntil" label="Wait until" value={data.waitUntil ?? ''} expression placeholder="e.g. done * 100 >= args.percent * input.steps"
        hint="The update returns once this holds (instead of query polling)." onChange={(waitUntil) => patch({ waitUntil: waitUntil || undefined })} />
      <TextInput path="when" label="Apply only when" value={data.when ?? ''} expression placeholder="e.g. !contains(appliedUpdateIds, updateId())"
        hint="Otherwise the update only returns (idempotent retries)." onChange={(when) => patch({ when: when || undefined })} />
      <ValidatorsEditor path="checks" title="Checks after acceptance" empty="No checks." rules={data.checks ?? []}
        onChange={(checks) => patch({ checks: checks.length ? checks : undefined })} />
      <HandlerActivityEditor activity={data.activity} onChange={(activity) => patch({ activity })} />
      <AssignmentsEditor assignments={data.assignments} scopeHint={SCOPE} onChange={(assignments) => patch({ assignments })} />
      <TextInput path="returns" label="Returns" value={data.returns ?? ''} expression placeholder='e.g. "Comment saved"'
        onChange={(returns) => patch({ returns: returns || undefined })} />
    </>
  );
}
