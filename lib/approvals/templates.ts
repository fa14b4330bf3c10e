/**
 * Ready-made approval processes for the form. The chapter's multi-level approval (6.4.1): the
 * manager approves everything, the director too from 1,000, the VP too from 10,000 — one call.
 */
import type { ApprovalProcessInput } from './spec';

export interface MultiLevelApprovers {
  manager: string;
  director: string;
  vp: string;
}

export function multiLevelApprovalTemplate(
  approvers: MultiLevelApprovers = { manager: 'manager', director: 'director', vp: 'vp' },
): ApprovalProcessInput {
  return {
    name: 'Purchase request',
    description: 'Manager below 1,000; manager and director below 10,000; manager, director and VP above.',
    fields: [
      { name: 'title', label: 'What is it for?', type: 'string', required: true },
      { name: 'amount', label: 'Amount', type: 'money', required: true },
    ],
    levels: [
      { name: 'Manager', approvers: [{ kind: 'user', name: approvers.manager }], mode: 'parallel', required: 1, deadline: { amount: 3, unit: 'days' }, onDeadline: { action: 'reject' } },
      {
        name: 'Director',
        approvers: [{ kind: 'user', name: approvers.director }],
        condition: 'input.amount >= money("1000")',
        mode: 'parallel',
        required: 1,
        deadline: { amount: 3, unit: 'days' },
        onDeadline: { action: 'reject' },
      },
      {
        name: 'VP',
        approvers: [{ kind: 'user', name: approvers.vp }],
        condition: 'input.amount >= money("10000")',
        mode: 'parallel',
        required: 1,
        deadline: { amount: 3, unit: 'days' },
        onDeadline: { action: 'reject' },
      },
    ],
    allowSelfApproval: false,
    notify: true,
  };
}

export const APPROVAL_TEMPLATES = [
  { id: 'multi-level', title: 'Multi-level purchase approval (manager / director / VP by amount)', build: () => multiLevelApprovalTemplate() },
] as const;
