'use client';
import { identifierOf, messageConstName } from '@/codegen/design';

/**
 * Wire names in the inspector: a message's or field's name is what clients send (approve,
 * approver_name); generated code reads it under a camelCase identifier (codegen/names.ts). Both
 * are shown, so a designer who imports the chapter's snake_case names sees what the code calls them.
 */

/** Under a message's name: what clients send, and the definition the generated code declares. */
export function MessageNameHint({ kind, name }: { kind: 'signal' | 'query' | 'update'; name: string }) {
  const example = kind === 'query' ? 'get_status' : kind === 'update' ? 'add_item' : 'approve';
  return (
    <>
      The wire name clients send, e.g. {example}.
      {name.trim() !== '' && (
        <>
          {' '}In code: <code data-testid="message-identifier">{messageConstName(name, kind)}</code>
        </>
      )}
    </>
  );
}

/** Beside a field's name: the wire name and how expressions read it (args.approverName). */
export function FieldIdentifier({ name, readAs, testId }: { name: string; readAs: 'args' | 'input'; testId: string }) {
  if (name.trim() === '') return null;
  return (
    <span className="field__hint" data-testid={testId}>
      On the wire <code>{name}</code>, in expressions <code>{`${readAs}.${identifierOf(name)}`}</code>
    </span>
  );
}
