import type { Design } from '@/codegen/design';
import approval from './approval.json';
import bankAccount from './bank-account.json';
import { TEMPLATE_CATALOG, type TemplateInfo } from './catalog';
import dataMigrationProgress from './data-migration-progress.json';
import dataPipeline from './data-pipeline.json';
import ecommerceOrder from './ecommerce-order.json';
import expenseApproval from './expense-approval.json';
import greeting from './greeting.json';
import idempotentPayments from './idempotent-payments.json';
import multiLevelApproval from './multi-level-approval.json';
import orchestrator from './orchestrator.json';
import queueProcessing from './queue-processing.json';
import shoppingCart from './shopping-cart.json';
import taskWorker from './task-worker.json';

export interface Template extends TemplateInfo {
  design: Design;
}

/** Every catalog entry's design, by id (a missing one fails the templates test). */
const DESIGNS: Record<string, Design> = {
  approval: approval as Design,
  'expense-approval': expenseApproval as Design,
  greeting: greeting as Design,
  'multi-level-approval': multiLevelApproval as Design,
  'shopping-cart': shoppingCart as Design,
  'data-pipeline': dataPipeline as Design,
  'data-migration-progress': dataMigrationProgress as Design,
  'queue-processing': queueProcessing as Design,
  'ecommerce-order': ecommerceOrder as Design,
  'task-worker': taskWorker as Design,
  orchestrator: orchestrator as Design,
  'bank-account': bankAccount as Design,
  'idempotent-payments': idempotentPayments as Design,
};

/** The template gallery: the catalog with each entry's design. */
export const TEMPLATES: readonly Template[] = TEMPLATE_CATALOG.map((info) => ({ ...info, design: DESIGNS[info.id]! }));

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
