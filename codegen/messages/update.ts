import { z } from 'zod';
import { hasPlaceholders, referencedNames } from '../expressions';
import { ArgumentsSchema, AssignmentSchema, FieldSchema, HandlerActivitySchema, nodeBase } from '../schema/parts';
import { describeNode } from '../validate/describe';
import type { MessageDefinition } from './types';

/** Rejected (and absent from history) when a rule's condition is false; the message reaches the caller. */
export const ValidatorRuleSchema = z.object({
  condition: z.string(),
  message: z.string().max(500),
});
export type ValidatorRule = z.infer<typeof ValidatorRuleSchema>;

/** The fields of an Update node. */
export const updateNode = z.object({
  ...nodeBase,
  type: z.literal('update'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  /** How clients send the parameters: one record (default) or one argument each, in order. */
  arguments: ArgumentsSchema.optional(),
  validators: z.array(ValidatorRuleSchema),
  /**
   * Checked inside the accepted handler (after waiting for exclusive access): a failing rule
   * fails this update with an ApplicationFailure carrying its message, recorded in history.
   */
  checks: z.array(ValidatorRuleSchema).optional(),
  /**
   * The effects apply only when this holds; otherwise the update just returns (idempotent), e.g.
   * `!contains(handledIds, updateId())` to dedupe a retried update across continue-as-new.
   */
  when: z.string().optional(),
  /** The handler waits until this holds before it continues (update-with-wait, e.g. a milestone). */
  waitUntil: z.string().optional(),
  activity: HandlerActivitySchema.optional(),
  assignments: z.array(AssignmentSchema),
  returns: z.string().optional(),
});

/**
 * Update: a validated change with a reply — validators reject before history, checks fail the
 * accepted update, `when` skips the effects, `waitUntil` waits inside the handler, then an
 * optional activity, the assignments and `returns`. Fields: `updateNode` above
 * (codegen/schema/design.ts unites every kind's into NodeSchema). Templates:
 * partials/define-update.hbs (its definition in shared.ts), handler-update.hbs, update-body.hbs,
 * handler-effects.hbs (its handler and validator).
 * UI: components/steps/update.tsx (inspector form, palette entry, new-node defaults; drawn by the shared components/flow/nodes/HandlerNode.tsx).
 */
export const update: MessageDefinition<'update'> = {
  kind: 'update',
  title: 'Update',
  schema: updateNode,
  writes: (node) => [...node.assignments.map((a) => a.variable), ...(node.activity?.resultVariable ? [node.activity.resultVariable] : [])],
  validate: {
    expressions(node, check) {
      node.validators.forEach((rule, i) => check.compile(`validators.${i}.condition`, `rule ${JSON.stringify(rule.message)}`, rule.condition, 'boolean'));
      // A message with `{…}` parts is text with values put in: "Item {args.sku} already in cart".
      const messages = (field: string, rules: ValidatorRule[]) =>
        rules.forEach((rule, i) => hasPlaceholders(rule.message) && check.compileText(`${field}.${i}.message`, 'message', rule.message));
      messages('validators', node.validators);
      messages('checks', node.checks ?? []);
      if (node.when !== undefined && node.when.trim() !== '') check.compile('when', 'condition "apply only when"', node.when, 'boolean');
      (node.checks ?? []).forEach((rule, i) => check.compile(`checks.${i}.condition`, `check ${JSON.stringify(rule.message)}`, rule.condition, 'boolean'));
      if (node.waitUntil !== undefined && node.waitUntil.trim() !== '') check.compile('waitUntil', 'condition "wait until"', node.waitUntil, 'boolean');
      if (node.activity) check.activityCall('activity.', node.activity);
      node.assignments.forEach((a, i) => check.assignTo(`assignments.${i}`, a.variable, a.value));
      if (node.returns !== undefined && node.returns.trim() !== '') check.compile('returns', 'return value', node.returns);
    },
    // An update that waits (6.4.2) is released by the main flow or by other messages.
    afterExpressions(node, check) {
      const waitUntil = check.compiled('waitUntil');
      if (!waitUntil) return;
      const reads = [...referencedNames(waitUntil.ast)].filter((name) => name !== 'input' && name !== 'args');
      if (reads.some((name) => check.changedAnywhere.has(name))) return;
      const what = reads.length ? `nothing changes ${reads.map((n) => JSON.stringify(n)).join(' or ')}` : 'it reads no variable';
      check.error('wait.unsatisfiable', `${describeNode(node)} would wait forever: ${what}; wait for a variable the flow or another message changes`, 'waitUntil');
    },
    growth: (node, check) =>
      check.appendsWithoutLimit(
        node.assignments,
        ['when', ...node.validators.map((_, i) => `validators.${i}.condition`), ...(node.checks ?? []).map((_, i) => `checks.${i}.condition`)],
        'a validator',
      ),
  },
  lower(node, lower) {
    const activity = lower.activity(node.activity);
    const checks = node.checks ?? [];
    const skips = lower.has('when');
    const waits = lower.has('waitUntil');
    const returns = lower.has('returns');
    const common = lower.common(node, {
      bodyFields: [
        ...node.assignments.map((_, i) => `assignments.${i}.value`),
        ...checks.map((_, i) => `checks.${i}.condition`),
        ...checks.map((_, i) => `checks.${i}.message`),
        ...activity.argFields,
        'returns',
        'when',
        'waitUntil',
      ],
      activity: activity.ir,
      waits,
      changesState: node.assignments.length > 0 || activity.ir?.resultVariable != null || checks.length > 0 || skips,
    });
    const rules = (list: { message: string }[], field: string) =>
      list.map((rule, i) => ({
        rejectWhenCode: lower.negate(`${field}.${i}.condition`),
        messageCode: lower.has(`${field}.${i}.message`) ? lower.code(`${field}.${i}.message`) : JSON.stringify(rule.message),
      }));
    return {
      ...common,
      kind: 'update',
      resultTsType: returns ? lower.returnsTsType() : 'void',
      validatorUsesArgs: lower.readsArgs(node.validators.flatMap((_, i) => [`validators.${i}.condition`, `validators.${i}.message`])),
      validators: rules(node.validators, 'validators'),
      checks: rules(checks, 'checks'),
      skipWhenCode: skips ? lower.negate('when') : null,
      waitUntilCode: waits ? lower.code('waitUntil') : null,
      assignments: lower.assignments(node),
      returnsCode: returns ? lower.code('returns') : null,
    };
  },
  partials: ['define-update', 'handler-update', 'update-body', 'handler-effects'],
};
