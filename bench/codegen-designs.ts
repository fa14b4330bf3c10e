/**
 * Designs of a chosen size for the codegen benchmark: a flow of assignments, activities, timers
 * and decisions (whose branches join again, so the flow is emitted as a state machine), plus one
 * handler (signal, query or update) for every ten nodes.
 */
import type { Design, DesignEdge, DesignNode } from '@/codegen/design';

export function benchmarkDesign(totalNodes: number): Design {
  const position = { x: 0, y: 0 };
  const handlerCount = Math.max(1, Math.floor(totalNodes / 10));
  const flowCount = Math.max(2, totalNodes - handlerCount - 2);
  const nodes: DesignNode[] = [{ id: 'start', type: 'start', label: 'Start', position }];
  const edges: DesignEdge[] = [];
  const edge = (source: string, target: string, sourceHandle?: string) =>
    edges.push({ id: `e${edges.length}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
  let previous = 'start';
  for (let i = 0; i < flowCount; i++) {
    const id = `step${i}`;
    const label = `Step ${i}`;
    switch (i % 4) {
      case 0:
        nodes.push({ id, type: 'assign', label, assignments: [{ variable: 'counter', value: 'counter + 1' }], position });
        break;
      case 1:
        nodes.push({ id, type: 'activity', label, activity: 'log', args: { message: `"step ${i}: " + note` }, position });
        break;
      case 2:
        nodes.push({ id, type: 'timer', label, duration: { amount: 1, unit: 'seconds' }, position });
        break;
      case 3:
        nodes.push({ id, type: 'decision', label, branches: [{ id: 'big', label: 'Big', condition: `counter > ${i}` }], position });
        break;
    }
    if (i > 0 && (i - 1) % 4 === 3) {
      edge(previous, id, 'big');
      edge(previous, id, 'else');
    } else edge(previous, id);
    previous = id;
  }
  nodes.push({ id: 'end', type: 'end', label: 'Done', outcome: 'complete', result: '"done after " + str(counter)', position });
  if (flowCount % 4 === 0) {
    edge(previous, 'end', 'big');
    edge(previous, 'end', 'else');
  } else edge(previous, 'end');

  for (let i = 0; i < handlerCount; i++) {
    const id = `handler${i}`;
    if (i % 3 === 0) {
      nodes.push({ id, type: 'signal', label: `Bump ${i}`, name: `bump${i}`, parameters: [{ name: 'by', type: 'number' }], assignments: [{ variable: 'counter', value: 'counter + args.by' }], position });
    } else if (i % 3 === 1) {
      nodes.push({ id, type: 'query', label: `Status ${i}`, name: `status${i}`, parameters: [], returns: 'note + " " + str(counter)', position });
    } else {
      nodes.push({
        id, type: 'update', label: `Note ${i}`, name: `setNote${i}`, parameters: [{ name: 'text', type: 'string' }],
        validators: [{ condition: 'len(args.text) > 0', message: 'The note must not be empty' }],
        assignments: [{ variable: 'note', value: 'args.text' }], returns: 'note', position,
      });
    }
  }
  return {
    schemaVersion: 1,
    name: `Bench${totalNodes}`,
    description: `A generated design with ${nodes.length} nodes for the codegen benchmark.`,
    input: [],
    resultType: 'string',
    variables: [
      { name: 'counter', type: 'number', initial: '0' },
      { name: 'note', type: 'string', initial: '"start"' },
    ],
    nodes,
    edges,
  };
}
