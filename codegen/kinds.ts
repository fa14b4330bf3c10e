import { query } from './messages/query';
import { signal } from './messages/signal';
import { update } from './messages/update';
import type { NodeType } from './schema/design';
import { activity } from './steps/activity';
import { assign } from './steps/assign';
import { childWorkflow } from './steps/childWorkflow';
import { continueAsNew } from './steps/continueAsNew';
import { decision } from './steps/decision';
import { end } from './steps/end';
import { signalExternal } from './steps/signalExternal';
import { start } from './steps/start';
import { timer } from './steps/timer';
import { wait } from './steps/wait';

/**
 * How a node kind is named, from its definition (codegen/steps/<kind>.ts, codegen/messages/<kind>.ts).
 * The kind files are imported one by one, not through the registries, and read only when called:
 * kind files name nodes in their diagnostics (validate/describe.ts), so this module sits inside
 * their import cycle and must not touch a definition while the modules load.
 */
export function kindTitle(type: NodeType): string {
  const definitions = { start, wait, timer, activity, decision, assign, end, continueAsNew, childWorkflow, signalExternal, signal, query, update };
  return definitions[type].title;
}
