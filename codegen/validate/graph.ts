import type { Diagnostic } from '../diagnostics';
import { isHandlerNode, type Design, type DesignNode, type FlowNode } from '../schema/design';
import { stepOf } from '../steps';
import { describeNode } from './describe';
import { edgeOutput, flowOutputs } from './outputs';

/** The control flow of a design: for each flow node, which node each of its outputs leads to. */
export interface FlowGraph {
  startId: string;
  nodes: Map<string, FlowNode>;
  successors: Map<string, Map<string, string>>;
  reachable: Set<string>;
}

export interface GraphCheck {
  diagnostics: Diagnostic[];
  graph: FlowGraph | null;
}

export function checkGraph(design: Design): GraphCheck {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, DesignNode>();
  for (const node of design.nodes) {
    if (byId.has(node.id)) {
      diagnostics.push(error('node.duplicate-id', `Two nodes share the id ${JSON.stringify(node.id)}`, node.id));
    }
    byId.set(node.id, node);
  }

  const starts = design.nodes.filter((n) => n.type === 'start');
  if (starts.length === 0) {
    diagnostics.push(error('design.no-start', 'The design has no Start node; add one where the workflow begins'));
  }
  for (const extra of starts.slice(1)) {
    diagnostics.push(error('design.many-starts', `${describeNode(extra)} is a second Start node; a workflow has exactly one`, extra.id));
  }

  const flowNodes = new Map<string, FlowNode>();
  for (const node of byId.values()) if (!isHandlerNode(node)) flowNodes.set(node.id, node);
  const successors = new Map<string, Map<string, string>>();
  for (const id of flowNodes.keys()) successors.set(id, new Map());

  const edgeIds = new Set<string>();
  for (const edge of design.edges) {
    if (edgeIds.has(edge.id)) {
      diagnostics.push({ ...error('edge.duplicate-id', `Two edges share the id ${JSON.stringify(edge.id)}`), edgeId: edge.id });
    }
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      diagnostics.push({ ...error('edge.dangling', `An edge points to a node that does not exist (${JSON.stringify(missing)})`), edgeId: edge.id });
      continue;
    }
    if (isHandlerNode(source)) {
      if (isHandlerNode(target) || !stepOf(target).takesMessages) {
        diagnostics.push({
          ...error('edge.handler-target', `${describeNode(source)} can only connect to a Wait it may satisfy, not to ${describeNode(target)}`, source.id),
          edgeId: edge.id,
        });
      }
      continue;
    }
    if (isHandlerNode(target)) {
      diagnostics.push({
        ...error('edge.into-handler', `${describeNode(source)} cannot lead to ${describeNode(target)}: messages arrive from outside, not from the flow`, source.id),
        edgeId: edge.id,
      });
      continue;
    }
    if (target.type === 'start') {
      diagnostics.push({ ...error('edge.into-start', `${describeNode(source)} cannot lead back to the Start node`, source.id), edgeId: edge.id });
      continue;
    }
    const outputs = flowOutputs(source);
    const output = edgeOutput(edge, source);
    if (output === undefined || !outputs.includes(output)) {
      const shown = output === undefined ? 'no output' : `an output ${JSON.stringify(output)}`;
      const hint = outputs.length ? `; its outputs are ${outputs.map((o) => JSON.stringify(o)).join(', ')}` : '; an End node has no outputs';
      diagnostics.push({ ...error('edge.bad-output', `An edge leaves ${describeNode(source)} from ${shown}${hint}`, source.id), edgeId: edge.id });
      continue;
    }
    const taken = successors.get(source.id)!;
    if (taken.has(output)) {
      diagnostics.push({
        ...error('edge.output-twice', `${describeNode(source)} has two edges from its ${JSON.stringify(output)} output; keep one`, source.id),
        edgeId: edge.id,
      });
      continue;
    }
    taken.set(output, target.id);
  }

  for (const node of flowNodes.values()) {
    const taken = successors.get(node.id)!;
    const outputs = flowOutputs(node);
    if (outputs.length > 0 && taken.size === 0) {
      diagnostics.push(error('node.no-outgoing-edge', `${describeNode(node)} has no outgoing edge; connect it to the next step or to an End`, node.id));
      continue;
    }
    for (const output of outputs) {
      if (!taken.has(output)) {
        diagnostics.push(error('node.missing-output', `${describeNode(node)} has no edge from its ${describeOutput(node, output)} output`, node.id));
      }
    }
  }

  const start = starts[0];
  if (!start) return { diagnostics, graph: null };
  const reachable = new Set<string>();
  const queue = [start.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const next of successors.get(id)?.values() ?? []) queue.push(next);
  }
  for (const node of flowNodes.values()) {
    if (!reachable.has(node.id)) {
      diagnostics.push({
        severity: 'warning',
        code: 'node.unreachable',
        message: `${describeNode(node)} can never be reached from Start; connect it or delete it`,
        nodeId: node.id,
      });
    }
  }
  return { diagnostics, graph: { startId: start.id, nodes: flowNodes, successors, reachable } };
}

function describeOutput(node: FlowNode, output: string): string {
  return stepOf(node).describeOutput?.(node, output) ?? JSON.stringify(output);
}

function error(code: string, message: string, nodeId?: string): Diagnostic {
  return { severity: 'error', code, message, ...(nodeId ? { nodeId } : {}) };
}
