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
    summary: 'The first add-item call creates the cart (signal-with-start or update-with-start); later calls reach the same cart until checkout, or it is abandoned after a day.',
    features: ['signal-with-start', 'update-with-start', 'query', 'wait with timeout'],
  },
  {
    id: 'expense-approval',
    title: 'Expense approval with auto-reject',
    section: '6.1.7',
    summary: 'Notifies the manager, then waits for approve or reject; without a decision in 7 days the expense is rejected.',
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
    summary: 'Greets in the chosen language once approved; an update with validators changes the language while it waits.',
    features: ['update + validators', 'query', 'signal'],
  },
  {
    id: 'multi-level-approval',
    title: 'Multi-level approval',
    section: '6.4.1',
    summary: 'Approval levels by amount: automatic below 1,000, a manager above, a manager and a director above 10,000.',
    features: ['decisions on input', 'chained waits', 'per-level signals'],
  },
  {
    id: 'data-migration-progress',
    title: 'Data migration progress with update-with-wait',
    section: '6.4.2',
    summary: 'Works through its steps on a timer; instead of polling a query, a client sends one update that returns once the job reaches the percentage it asked for.',
    features: ['update that waits', 'queries', 'loop with timer'],
  },
  {
    id: 'task-worker',
    title: 'Task worker',
    section: '6.4.3',
    summary: 'Receives tasks by signal, processes each with an activity and reports back to its orchestrator by signalling it. Deploy it before the orchestrator that starts it.',
    features: ['signal', 'signal another workflow', 'activity', 'query'],
  },
  {
    id: 'orchestrator',
    title: 'Orchestrator and workers',
    section: '6.4.3',
    summary: 'Starts Task worker designs as child workflows by name, signals each a task, waits for their reports, then awaits an audit child. No task queue to type: each child runs on its design’s own.',
    features: ['child workflows by design name', 'signal another workflow', 'wait with timeout', 'loop'],
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
    id: 'ecommerce-order',
    title: 'E-commerce order',
    section: '6.6',
    summary: 'Items added by validated updates, a payment that must equal the exact total, a shipping signal, a cancel signal and a delivery timer.',
    features: ['updates + validators', 'signals', 'four queries', 'money arithmetic', 'timer'],
  },
];
