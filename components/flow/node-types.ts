import type { NodeTypes } from '@xyflow/react';
import { STEP_UI } from '../steps';

/**
 * Each kind's canvas node, from its components/steps/<kind>.tsx. Module scope, so React Flow never
 * sees a new object and remounts every node.
 */
export const nodeTypes: NodeTypes = Object.fromEntries(Object.values(STEP_UI).map((ui) => [ui.kind, ui.Node])) as NodeTypes;
