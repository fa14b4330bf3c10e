import type { DesignNode } from '../schema/design';

const KIND_NAMES: Record<DesignNode['type'], string> = {
  start: 'Start',
  wait: 'Wait',
  timer: 'Timer',
  activity: 'Activity',
  decision: 'Decision',
  assign: 'Assign',
  end: 'End',
  continueAsNew: 'Continue-as-new',
  childWorkflow: 'Child workflow',
  signalExternal: 'Signal workflow',
  signal: 'Signal',
  query: 'Query',
  update: 'Update',
};

/** How a node is named in a message: Wait "Await approval". */
export function describeNode(node: DesignNode): string {
  return `${KIND_NAMES[node.type]} ${JSON.stringify(node.label || node.id)}`;
}
