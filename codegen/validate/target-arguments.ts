import type { Diagnostic } from '../diagnostics';
import type { Arguments } from '../schema/parts';
import type { Design, NodeOfType } from '../schema/design';
import { describeNode } from './describe';
import type { DesignResolutions } from './references';

/** How a design takes one message's arguments (or its start input): their shape and declared fields, in order. */
export interface ArgumentShape {
  arguments: Arguments;
  fields: readonly { name: string; required: boolean }[];
}

/**
 * How another design reads what a caller sends it: its start input, and each signal by wire name.
 * A caller (child workflow, signal-external) sends positional arguments to a positional target —
 * one record there would be refused as one wrong first argument.
 */
export interface DesignArguments {
  input: ArgumentShape;
  signals: Readonly<Record<string, ArgumentShape>>;
}

export function designArguments(design: Design): DesignArguments {
  const shape = (args: Arguments | undefined, fields: readonly { name: string; required?: boolean }[]): ArgumentShape => ({
    arguments: args ?? 'record',
    fields: fields.map((f) => ({ name: f.name, required: f.required === true })),
  });
  const signals: Record<string, ArgumentShape> = {};
  for (const node of design.nodes) {
    // Handlers sharing a signal name share its definition: the first one says how it is called.
    if (node.type === 'signal' && !Object.hasOwn(signals, node.name)) signals[node.name] = shape(node.arguments, node.parameters);
  }
  return { input: shape(design.inputArguments, design.input), signals };
}

/** A step that hands values to another design: a child's input, or a signal-external's payload. */
type Caller = NodeOfType<'childWorkflow'> | NodeOfType<'signalExternal'>;

/**
 * What the caller's target takes: for this design itself from the design, for another from the
 * deploy's resolutions (undefined when unknown — the designer's live compile, or a design deployed
 * before its arguments were recorded: sent as one record, as before).
 */
export function targetArguments(node: Caller, design: Design, designs: DesignResolutions | undefined): ArgumentShape | undefined {
  if (node.design === undefined || node.design === '') return undefined;
  const target = node.design === design.name ? designArguments(design) : designs?.[node.design]?.arguments;
  if (!target) return undefined;
  return node.type === 'childWorkflow' ? target.input : target.signals[node.signal];
}

/**
 * A caller of a positional target names its values after the target's fields: each one a field,
 * every required field given, and none left out before one that is given (positions would shift).
 */
export function checkTargetArguments(design: Design, designs: DesignResolutions | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of design.nodes) {
    if (node.type !== 'childWorkflow' && node.type !== 'signalExternal') continue;
    const target = targetArguments(node, design, designs);
    if (target?.arguments !== 'positional') continue;
    const values = node.type === 'childWorkflow' ? node.input : node.args;
    const field = node.type === 'childWorkflow' ? 'input' : 'args';
    const what = node.type === 'childWorkflow' ? `the input of ${JSON.stringify(node.design)}` : `signal ${JSON.stringify(node.signal)} of ${JSON.stringify(node.design)}`;
    const expected = target.fields.map((f) => f.name).join(', ');
    const refuse = (problem: string) =>
      diagnostics.push({
        severity: 'error',
        code: 'reference.positional-arguments',
        message: `${describeNode(node)}: ${what} takes separate arguments (${expected}) in that order; ${problem}`,
        nodeId: node.id,
        field,
      });
    const unknown = values.filter((v) => !target.fields.some((f) => f.name === v.name)).map((v) => JSON.stringify(v.name));
    const given = new Set(values.map((v) => v.name));
    const lastGiven = target.fields.reduce((last, f, i) => (given.has(f.name) ? i : last), -1);
    const missing = target.fields.filter((f, i) => !given.has(f.name) && (f.required || i < lastGiven)).map((f) => JSON.stringify(f.name));
    if (unknown.length) refuse(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} none of them; name each value after the argument it is`);
    else if (missing.length) refuse(`give ${missing.join(', ')} too`);
  }
  return diagnostics;
}
