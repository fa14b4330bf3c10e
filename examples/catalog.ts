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
    id: 'expense-approval',
    title: 'Expense approval with auto-reject',
    section: '6.1.7',
    summary: 'Notifies the manager, then waits for approve or reject; without a decision in 7 days the expense is rejected.',
    features: ['two signals', 'activity', 'timeout branch'],
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
];
