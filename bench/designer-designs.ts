import type { Design, DesignEdge, DesignNode } from '@/codegen/design';

/**
 * A design of about `count` nodes for the designer benchmark: one long valid path of assigns, timers,
 * logs and waits laid out in rows of 20, each row with a signal (left of it) that satisfies its waits.
 */
export function benchDesign(count: number): Design {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  const at = (i: number) => ({ x: (i % 20) * 260, y: Math.floor(i / 20) * 170 });
  nodes.push({ id: 'start', type: 'start', label: 'Start', position: at(0) });
  const rowsOfSignals = Math.ceil((count - 1) / 20);
  for (let i = 1; i < count - 1 - rowsOfSignals; i++) {
    const id = `n${i}`;
    const position = at(i);
    switch (i % 4) {
      case 0: nodes.push({ id, type: 'assign', label: `Count ${i}`, assignments: [{ variable: 'counter', value: 'counter + 1' }], position }); break;
      case 1: nodes.push({ id, type: 'timer', label: `Pause ${i}`, duration: { amount: 1, unit: 'seconds' }, position }); break;
      case 2: nodes.push({ id, type: 'activity', label: `Log ${i}`, activity: 'log', args: { message: `"step ${i}: " + str(counter)` }, position }); break;
      default: nodes.push({ id, type: 'wait', label: `Wait ${i}`, condition: 'released', timeout: { amount: 1, unit: 'minutes' }, position });
    }
  }
  nodes.push({ id: 'end', type: 'end', label: 'Done', outcome: 'complete', result: '"counted " + str(counter)', position: at(count - 1 - rowsOfSignals) });
  const rows = Math.ceil((count - 1) / 20);
  for (let row = 0; row < rows; row++) {
    nodes.push({
      id: `go${row}`, type: 'signal', label: `Release row ${row}`, name: `releaseRow${row}`, parameters: [],
      assignments: [{ variable: 'released', value: 'true' }], position: { x: -300, y: row * 170 },
    });
  }
  const flow = nodes.filter((n) => n.type !== 'signal');
  for (let i = 0; i + 1 < flow.length; i++) {
    const source = flow[i]!;
    const target = flow[i + 1]!;
    if (source.type === 'wait') {
      edges.push({ id: `e${i}`, source: source.id, target: target.id, sourceHandle: 'met' });
      edges.push({ id: `t${i}`, source: source.id, target: target.id, sourceHandle: 'timeout' });
      edges.push({ id: `g${i}`, source: `go${Math.floor(i / 20)}`, target: source.id });
    } else {
      edges.push({ id: `e${i}`, source: source.id, target: target.id });
    }
  }
  return {
    schemaVersion: 1,
    name: `Bench${count}Workflow`,
    input: [],
    resultType: 'string',
    variables: [
      { name: 'counter', type: 'number', initial: '0' },
      { name: 'released', type: 'boolean', initial: 'false' },
    ],
    nodes,
    edges,
  };
}
