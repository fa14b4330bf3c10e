import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import { relations } from 'drizzle-orm';
import { integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique, index } from 'drizzle-orm/pg-core';
import type { Design } from '../codegen/schema/design';

/** A design: the stable identity of a workflow drawing; its content lives in versions. */
export const designs = pgTable('designs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type DesignRow = InferSelectModel<typeof designs>;

/** Every save is a new immutable version; `design` is always validated with DesignSchema first. */
export const designVersions = pgTable(
  'design_versions',
  {
    id: serial('id').primaryKey(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    design: jsonb('design').$type<Design>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('design_versions_design_id_version_unique').on(t.designId, t.version)],
);
export type DesignVersionRow = InferSelectModel<typeof designVersions>;

export const deploymentStatus = pgEnum('deployment_status', ['active', 'retired']);
export type DeploymentStatus = (typeof deploymentStatus.enumValues)[number];

/** A generated file as stored with a deployment. */
export interface StoredFile {
  path: string;
  contents: string;
}

/** A verified, bundled version of a design, run by the worker hosts on its own task queue. */
export const deployments = pgTable(
  'deployments',
  {
    id: text('id').primaryKey(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    workflowType: text('workflow_type').notNull(),
    taskQueue: text('task_queue').notNull().unique(),
    status: deploymentStatus('status').notNull().default('active'),
    files: jsonb('files').$type<StoredFile[]>().notNull(),
    bundle: text('bundle').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deployments_design_id_idx').on(t.designId)],
);
export type DeploymentRow = InferSelectModel<typeof deployments>;
export type NewDeploymentRow = InferInsertModel<typeof deployments>;

export const designsRelations = relations(designs, ({ many }) => ({
  versions: many(designVersions),
  deployments: many(deployments),
}));
export const designVersionsRelations = relations(designVersions, ({ one }) => ({
  design: one(designs, { fields: [designVersions.designId], references: [designs.id] }),
}));
export const deploymentsRelations = relations(deployments, ({ one }) => ({
  design: one(designs, { fields: [deployments.designId], references: [designs.id] }),
}));
