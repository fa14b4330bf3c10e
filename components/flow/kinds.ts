import type { NodeType } from '../../codegen/schema/design';

export interface KindInfo {
  title: string;
  description: string;
  /** Visual family: flow steps, branching, endings, and message handlers. */
  family: 'flow' | 'branch' | 'end' | 'signal' | 'query' | 'update';
}

export const KINDS: Record<NodeType, KindInfo> = {
  start: { title: 'Start', description: 'Where every execution begins', family: 'flow' },
  wait: { title: 'Wait', description: 'Pause until a condition holds, or a timeout', family: 'flow' },
  timer: { title: 'Timer', description: 'Sleep for a fixed duration', family: 'flow' },
  activity: { title: 'Activity', description: 'Log or notify someone', family: 'flow' },
  decision: { title: 'Decision', description: 'Branch on conditions, with an else', family: 'branch' },
  assign: { title: 'Assign', description: 'Set variables from expressions', family: 'flow' },
  end: { title: 'End', description: 'Complete with a result, or fail', family: 'end' },
  continueAsNew: { title: 'Continue as new', description: 'Start a fresh run with chosen state', family: 'end' },
  childWorkflow: { title: 'Child workflow', description: 'Start another workflow, or run it to its result', family: 'flow' },
  signalExternal: { title: 'Signal workflow', description: 'Send a signal to another running workflow', family: 'flow' },
  signal: { title: 'Signal', description: 'A message that changes state', family: 'signal' },
  query: { title: 'Query', description: 'Read state without changing it', family: 'query' },
  update: { title: 'Update', description: 'Validated change with a reply', family: 'update' },
};

/** What the palette offers (a design has exactly one Start, created with it). */
export const PALETTE_GROUPS: { title: string; kinds: NodeType[] }[] = [
  { title: 'Steps', kinds: ['wait', 'timer', 'activity', 'decision', 'assign', 'childWorkflow', 'signalExternal', 'end', 'continueAsNew'] },
  { title: 'Messages', kinds: ['signal', 'query', 'update'] },
];

export const DRAG_MIME = 'application/x-signalbox-node';
