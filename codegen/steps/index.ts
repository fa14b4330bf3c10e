import type { FlowNode, FlowNodeType } from '../schema/design';
import { activity } from './activity';
import { assign } from './assign';
import { childWorkflow } from './childWorkflow';
import { continueAsNew } from './continueAsNew';
import { decision } from './decision';
import { end } from './end';
import { signalExternal } from './signalExternal';
import { start } from './start';
import { timer } from './timer';
import { wait } from './wait';
import type { StepDefinition } from './types';

/**
 * Every flow step kind's definition, keyed by kind: validation (codegen/validate), lowering
 * (codegen/ir/lower.ts) and the canvas (components/flow/handles.ts) look a kind up here instead of
 * switching on it. A new step kind is one file beside this one, plus its entry here and its schema in NodeSchema (codegen/schema/design.ts).
 */
export const STEPS: { readonly [K in FlowNodeType]: StepDefinition<K> } = {
  start,
  wait,
  timer,
  activity,
  decision,
  assign,
  end,
  continueAsNew,
  childWorkflow,
  signalExternal,
};

/** The definition of a node's kind, typed for that node (the registry's keys are exactly the flow kinds). */
export function stepOf(node: Pick<FlowNode, 'type'>): StepDefinition {
  // Hooks are methods, so a StepDefinition<K> is usable as the general one for its own nodes.
  return STEPS[node.type] as StepDefinition;
}

export function isStepKind(type: string | undefined): type is FlowNodeType {
  return type !== undefined && Object.hasOwn(STEPS, type);
}

export type { StepDefinition } from './types';
