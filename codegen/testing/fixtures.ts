import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design, Duration, NodeOfType } from '../schema/design';

/** A fresh copy of a golden design (codegen/__golden__/<name>/design.json), for tests to bend. */
export function goldenDesign(name: string): Design {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '__golden__', name, 'design.json'), 'utf8')) as Design;
}

/** Shortens a wait's timeout or a timer's duration, so integration tests take seconds, not days. */
export function shorten(design: Design, nodeId: string, to: Duration): Design {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (node?.type === 'wait') (node as NodeOfType<'wait'>).timeout = to;
  else if (node?.type === 'timer') (node as NodeOfType<'timer'>).duration = to;
  else throw new Error(`fixture changed: ${nodeId} is neither a wait nor a timer`);
  return design;
}
