'use client';
import { useState } from 'react';
import type { Design, HandlerNode } from '@/codegen/design';
import { api, ApiError, errorMessage } from '../api/client';
import { validatorRules } from './message-rules';
import { MessageForm } from './MessageForm';
import { formatValue } from './VariablesTable';

type Outcome = { tone: 'ok' | 'rejected' | 'error'; text: string } | null;

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId?: string }) {
  if (!outcome) return null;
  return <p className={`outcome outcome--${outcome.tone}`} data-testid={testId} data-tone={outcome.tone}>{outcome.text}</p>;
}

function HandlerForm({ workflowId, node, running, onDone }: { workflowId: string; node: HandlerNode; running: boolean; onDone: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const common = { name: node.name, title: node.label, description: node.description, parameters: node.parameters };
  const run = async (fn: () => Promise<Outcome>) => {
    setOutcome(null);
    try {
      setOutcome(await fn());
    } catch (err) {
      const rejected = err instanceof ApiError && (err.code === 'update.rejected' || (node.type === 'update' && err.status === 422));
      setOutcome({ tone: rejected ? 'rejected' : 'error', text: rejected ? `Rejected: ${err.message}` : `Error: ${errorMessage(err)}` });
    }
    onDone();
  };
  if (node.type === 'signal') {
    return (
      <MessageForm kind="signal" {...common} submitLabel="Send signal" disabled={!running}
        onSubmit={(args) => run(async () => (await api.signal(workflowId, node.name, args), { tone: 'ok', text: 'Signal sent.' }))}>
        <OutcomeLine outcome={outcome} testId={`signal-result-${node.name}`} />
      </MessageForm>
    );
  }
  if (node.type === 'query') {
    return (
      <MessageForm kind="query" {...common} submitLabel="Run query"
        onSubmit={(args) => run(async () => ({ tone: 'ok', text: formatValue((await api.query(workflowId, node.name, args)).result) }))}>
        <OutcomeLine outcome={outcome} testId={`query-result-${node.name}`} />
      </MessageForm>
    );
  }
  return (
    <MessageForm kind="update" {...common} rules={validatorRules(node)} submitLabel="Send update" disabled={!running}
      onSubmit={(args) => run(async () => ({ tone: 'ok', text: `Result: ${formatValue((await api.update(workflowId, node.name, args)).result)}` }))}>
      <OutcomeLine outcome={outcome} testId={`update-result-${node.name}`} />
    </MessageForm>
  );
}

/** Forms for every signal, query and update the design declares. */
export function HandlerPanel({ workflowId, design, running, onDone }: { workflowId: string; design: Design; running: boolean; onDone: () => void }) {
  const handlers = design.nodes.filter((n): n is HandlerNode => n.type === 'signal' || n.type === 'query' || n.type === 'update');
  if (handlers.length === 0) return <p className="empty-small">This workflow declares no signals, queries or updates.</p>;
  return (
    <div className="handler-forms">
      {!running && <p className="muted small">The workflow has closed: signals and updates are disabled; queries may still answer.</p>}
      {handlers.map((n) => <HandlerForm key={n.id} workflowId={workflowId} node={n} running={running} onDone={onDone} />)}
    </div>
  );
}
