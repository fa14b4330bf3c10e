/**
 * Which design node each group of history events belongs to, so a click on an event lights its
 * node and a click on a node filters the history. Signals and updates go to the message node of
 * their name; activities, timers and children to the step that ran them: among the steps that
 * could (same activity, same duration, same child design), the one the workflow last recorded
 * entering (its SignalboxStep search attribute), else the only one. Pure: the design and the
 * groups in, a map out.
 */
import type { Design, DesignNode, Duration } from '@/codegen/design';
import type { HistoryGroup } from './history-groups';

const UNIT_SECONDS: Record<Duration['unit'], number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };
const secondsOf = (d: Duration | undefined) => (d ? d.amount * UNIT_SECONDS[d.unit] : undefined);

/** The node among `candidates` the workflow was in, else the only candidate. */
function pick(candidates: DesignNode[], currentStep: string | undefined): string | undefined {
  const current = candidates.find((n) => n.id === currentStep);
  if (current) return current.id;
  return candidates.length === 1 ? candidates[0]!.id : undefined;
}

function nodeFor(group: HistoryGroup, nodes: DesignNode[], currentStep: string | undefined): string | undefined {
  const first = group.events[0]!;
  const name = group.context.name;
  switch (group.kind) {
    case 'signal':
      if (first.action === 'sent') return pick(nodes.filter((n) => n.type === 'signalExternal' && n.signal === name), currentStep);
      return nodes.find((n) => n.type === 'signal' && n.name === name)?.id;
    case 'update':
      return nodes.find((n) => n.type === 'update' && n.name === name)?.id;
    case 'activity': {
      const steps = nodes.filter((n) => n.type === 'activity' && n.activity === name);
      const chosen = pick(steps, currentStep);
      if (chosen) return chosen;
      // A signal or update handler that runs the activity.
      const handlers = nodes.filter((n) => (n.type === 'signal' || n.type === 'update') && n.activity?.activity === name);
      return handlers.length === 1 ? handlers[0]!.id : steps[0]?.id;
    }
    case 'timer': {
      const seconds = first.seconds;
      const steps = nodes.filter((n) => (n.type === 'timer' && secondsOf(n.duration) === seconds) || (n.type === 'wait' && secondsOf(n.timeout) === seconds));
      return pick(steps, currentStep) ?? nodes.find((n) => n.id === currentStep && (n.type === 'timer' || n.type === 'wait'))?.id;
    }
    case 'child': {
      const steps = nodes.filter((n) => n.type === 'childWorkflow' && (n.design ?? n.workflowType) === name);
      return pick(steps, currentStep);
    }
    case 'workflow':
      if (first.type === 'WORKFLOW_EXECUTION_STARTED') return nodes.find((n) => n.type === 'start')?.id;
      if (first.action === 'step recorded') return first.step && nodes.some((n) => n.id === first.step) ? first.step : undefined;
      return undefined;
  }
}

/** group key → node id, for the groups that belong to a node of the design. */
export function linkGroupsToNodes(groups: readonly HistoryGroup[], design: Pick<Design, 'nodes'> | null | undefined): Map<string, string> {
  const links = new Map<string, string>();
  if (!design) return links;
  let currentStep: string | undefined;
  for (const group of groups) {
    const first = group.events[0]!;
    if (first.step) currentStep = first.step;
    const nodeId = nodeFor(group, design.nodes, currentStep);
    if (nodeId) links.set(group.key, nodeId);
  }
  return links;
}
