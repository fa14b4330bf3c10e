/**
 * The template gallery's entries, without their designs (those are the JSON files beside this one,
 * named by id), so tools that cannot import JSON (the e2e runner) can list them too.
 */
export interface TemplateInfo {
  /** Stable id, also the file name: `examples/<id>.json`. */
  id: string;
  title: string;
  /** Where the pattern comes from in the chapter on signals, queries and updates. */
  section: string;
  summary: string;
  /** What it shows off: the Temporal features a user learns from it. */
  features: string[];
}

/** In the order the chapter introduces the patterns. */
export const TEMPLATE_CATALOG: readonly TemplateInfo[] = [
  {
    id: 'approval',
    title: 'Approval',
    section: '6.1.2',
    summary: 'Waits for an approver’s signal, with a 7-day deadline, a status query and a validated comment update.',
    features: ['signal', 'query', 'update + validator', 'wait with timeout', 'decision'],
  },
  {
    id: 'shopping-cart',
    title: 'Shopping cart with signal-with-start',
    section: '6.1.4',
    summary: 'The first add_item — a signal (signal-with-start) or an update of the same name (update-with-start, answering with the total) — or add_item_update (answering with items and total) creates the cart; later calls reach the same cart, which checks out after 24 hours and returns the item count and the total.',
    features: ['signal-with-start', 'update-with-start', 'update + validators', 'query', 'timer'],
  },
  {
    id: 'expense-approval',
    title: 'Expense approval with auto-reject',
    section: '6.1.7',
    summary: 'Notifies the manager, then waits for approve or reject; without a decision in 7 days it is rejected: "Approval timeout - automatically rejected".',
    features: ['two signals', 'activity', 'timeout branch'],
  },
  {
    id: 'data-pipeline',
    title: 'Event-driven data pipeline',
    section: '6.1.7',
    summary: 'Each stage starts external work and waits for its completion signal; a query reports the stage, a stage that hears nothing in time fails the run.',
    features: ['three signals', 'chained waits with timeouts', 'activities', 'query'],
  },
  {
    id: 'greeting',
    title: 'Greeting with language update',
    section: '6.3.2',
    summary: 'For 24 hours a validated set_language update changes the language and answers with the previous one; then it greets in the language chosen.',
    features: ['update + validator', 'update answer', 'query', 'timer'],
  },
  {
    id: 'multi-level-approval',
    title: 'Multi-level approval',
    section: '6.4.1',
    summary: 'Approvers by amount: a manager below 1,000, a manager and a director below 10,000, and a VP as well above; all within 14 days, any rejection rejects. get_approval_status shows each role.',
    features: ['per-role signals', 'one wait for all', 'record query', 'money thresholds'],
  },
  {
    id: 'data-migration-progress',
    title: 'Data migration progress with update-with-wait',
    section: '6.4.2',
    summary: 'Migrates its records one activity at a time; instead of polling a query, a client sends one wait_for_progress update that answers once the migration reaches the count it asked for.',
    features: ['update that waits', 'query', 'loop with activity'],
  },
  {
    id: 'task-worker',
    title: 'Task worker',
    section: '6.4.3',
    summary: 'The chapter’s WorkerWorkflow: started with no input as "worker-<id>", it takes process_task signals from its orchestrator, runs an activity for each and returns the results after five tasks or an hour. Deploy it before the orchestrator.',
    features: ['signal with a record payload', 'activity in a signal handler', 'wait with timeout', 'list result'],
  },
  {
    id: 'orchestrator',
    title: 'Orchestrator and workers',
    section: '6.4.3',
    summary: 'The chapter’s OrchestratorWorkflow: run(worker_ids) signals each running worker "worker-<id>" a task by id through an external handle, waits ten minutes and returns {"workers_coordinated": n}. Signals go by workflow id: no task queue to type.',
    features: ['signal another workflow by id', 'loop over a list', 'positional input', 'record result'],
  },
  {
    id: 'bank-account',
    title: 'Bank account',
    section: '6.4.5',
    summary: 'Withdrawals are updates handled one at a time: the validator refuses non-positive amounts and more than the daily limit, the handler refuses more than the balance.',
    features: ['update + validators', 'check inside the handler', 'one handler at a time', 'money'],
  },
  {
    id: 'queue-processing',
    title: 'Queue-based processing',
    section: '6.4.5',
    summary: 'The signal handler only queues messages; the main flow drains the queue in order, posting each one over HTTP, until a shutdown signal.',
    features: ['signal queue', 'loop', 'http activity', 'query'],
  },
  {
    id: 'idempotent-payments',
    title: 'Idempotent payments across continue-as-new',
    section: '6.4.6',
    summary: 'process_payment runs once per update id, even across continue-as-new: the ids already processed travel to the next run, and a repeated id answers "already_processed".',
    features: ['update dedupe by update id', 'continue-as-new', 'activity in a handler'],
  },
  {
    id: 'ecommerce-order',
    title: 'E-commerce order',
    section: '6.6',
    summary: 'Items added by validated updates, a payment that must equal the exact total, a shipping signal, a cancel signal and a delivery timer: "Order order-12345 completed - $1359.97 charged".',
    features: ['updates + validators', 'signals', 'three queries', 'money arithmetic', 'timer'],
  },
];
