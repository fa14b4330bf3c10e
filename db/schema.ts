import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import { relations } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique, index, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Design } from '@/codegen/design';
import type { Role } from './roles';

/**
 * How a design's running executions meet a new version (docs/versioning.md): pinned ones finish on
 * the Worker Deployment Version they started on; auto-upgrade ones move to the current version at
 * their next workflow task (allowed only when the deploy's replay check passed).
 */
export const versioningBehavior = pgEnum('versioning_behavior', ['pinned', 'auto-upgrade']);
export type VersioningBehaviorSetting = (typeof versioningBehavior.enumValues)[number];

/** A design: the stable identity of a workflow drawing; its content lives in versions. */
export const designs = pgTable('designs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  versioningBehavior: versioningBehavior('versioning_behavior').notNull().default('pinned'),
  /** Who created it (the home page's owner filter); null for designs from before, or a deleted user. */
  createdBy: text('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
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
    /** What the person saving said about it (Save's optional message, or "Deployed" for a deploy's version); null when nothing was said. */
    message: text('message'),
    /** Who saved it; null for versions from before migration 0009, the API without a user, or a deleted user. */
    createdBy: text('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('design_versions_design_id_version_unique').on(t.designId, t.version)],
);
export type DesignVersionRow = InferSelectModel<typeof designVersions>;

/**
 * The designer's autosaved work in progress, one per design: edits land here, not in versions. A
 * version is made from it by Save or Deploy (which then remove it); `baseVersion` is the version
 * the edits started from, so a draft over a version saved elsewhere since is a conflict.
 */
export const designDrafts = pgTable('design_drafts', {
  designId: text('design_id')
    .primaryKey()
    .references(() => designs.id, { onDelete: 'cascade' }),
  design: jsonb('design').$type<Design>().notNull(),
  baseVersion: integer('base_version').notNull(),
  updatedBy: text('updated_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type DesignDraftRow = InferSelectModel<typeof designDrafts>;

export const deploymentStatus = pgEnum('deployment_status', ['active', 'retired']);
export type DeploymentStatus = (typeof deploymentStatus.enumValues)[number];

/** A generated file as stored with a deployment. */
export interface StoredFile {
  path: string;
  contents: string;
}

/** A worker host's failure to start a deployment's worker, recorded for the deploy that waits for it. */
export interface WorkerStartError {
  /** Where starting failed: importing the custom activities, or creating the Temporal worker. */
  stage: 'load-activities' | 'create-worker';
  message: string;
  /** The custom activity whose module failed to load, when that was the cause. */
  activity?: string;
  /** ISO time of the failure. */
  at: string;
}

/** What a deployment's replay check found (lib/deploy/verify-report.ts ReplayReport, and what could not run). */
export interface StoredReplayCheck {
  checked: number;
  incompatible: { workflowId: string; runId: string; message: string }[];
  /** Why the check could not run (Temporal unreachable); then nothing was checked. */
  skipped?: string;
}

/**
 * How a deployment's worker runs: 'versioned' is a Worker Deployment Version (build id) on the
 * design's stable task queue; 'legacy' is a deployment from before Worker Versioning, unversioned on
 * its own `signalbox-<deployment id>` queue, kept until its executions are done.
 */
export const deploymentVersioning = pgEnum('deployment_versioning', ['legacy', 'versioned']);
export type DeploymentVersioning = (typeof deploymentVersioning.enumValues)[number];

/** A verified, bundled version of a design, run by the worker hosts (docs/versioning.md). */
export const deployments = pgTable(
  'deployments',
  {
    id: text('id').primaryKey(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    workflowType: text('workflow_type').notNull(),
    /** The design's stable queue (shared by its versioned deployments), or a legacy deployment's own queue. */
    taskQueue: text('task_queue').notNull(),
    versioning: deploymentVersioning('versioning').notNull().default('legacy'),
    /** The Worker Deployment Version's build id (lib/deploy/versioning-names.ts buildIdOf); null for legacy deployments. */
    buildId: text('build_id').unique(),
    status: deploymentStatus('status').notNull().default('active'),
    files: jsonb('files').$type<StoredFile[]>().notNull(),
    bundle: text('bundle').notNull(),
    /** Why a worker host could not start this deployment's worker; null while none failed. The deploy's start-worker stage reports it. */
    workerError: jsonb('worker_error').$type<WorkerStartError>(),
    /**
     * The replay check of the deploy that made it: the previous version's recent executions replayed
     * against this code; null when there was nothing to replay (or before migration 0007). The
     * auto-upgrade switch reads it from here, so that any app host can.
     */
    replay: jsonb('replay').$type<StoredReplayCheck>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deployments_design_id_idx').on(t.designId), index('deployments_task_queue_idx').on(t.taskQueue)],
);
export type DeploymentRow = InferSelectModel<typeof deployments>;

/**
 * A deploy under way (from the Deploy click until its version is routed to, or refused): the worker
 * hosts poll faster while one exists, so that a new version's worker starts within a few
 * milliseconds of being recorded instead of on the next idle poll (worker/main.ts). Removed by the
 * deploy when it ends; one left by a crashed app process is ignored once older than a minute.
 */
export const deployIntents = pgTable('deploy_intents', {
  /** The deployment id the deploy will record. */
  id: text('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});
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

// ---------- accounts (docs/auth.md) ----------

// The roles a user may hold (lib/auth/roles.ts); what each may do is in lib/auth/policy.ts.

/** A built-in account (or one first seen through OIDC, then `passwordHash` is null). */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  /** Lower-case, unique; what people sign in with. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** An argon2id PHC string; null for accounts that only sign in through OIDC. */
  passwordHash: text('password_hash'),
  roles: text('roles').array().$type<Role[]>().notNull().default([]),
  disabled: boolean('disabled').notNull().default(false),
  /** The OIDC `sub` claim of an account created by OIDC login. */
  oidcSubject: text('oidc_subject').unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type UserRow = InferSelectModel<typeof users>;

/**
 * Since when a user holds each of their roles (migration 0011: a trigger on users keeps it in step
 * with `users.roles` however they change). A role's notifications reach only those who held the
 * role when it was sent (lib/notifications/store.ts): a new approver is not told about old requests.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** A browser session: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);
export type SessionRow = InferSelectModel<typeof sessions>;

/**
 * Failed sign-ins, shared by every web instance (lib/auth/throttle.ts): one row per key —
 * `pair:<username> <address>`, `address:<address>` or `account:<username>`.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    /** Failures since the count last started again (after WINDOW of quiet, or a success for a pair). */
    failures: integer('failures').notNull().default(0),
    /** Attempts are refused until then (the backoff); null when not blocked. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** Pairs only: the last correct sign-in of this username from this address (a known address). */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_throttle_updated_at_idx').on(t.updatedAt)],
);
export type LoginThrottleRow = InferSelectModel<typeof loginThrottle>;

/** An API token for `Authorization: Bearer …`: acts as `userId` with that user's roles; stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, shown in lists so a token can be recognised. */
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_id_idx').on(t.userId)],
);
export type ApiTokenRow = InferSelectModel<typeof apiTokens>;

/** Security-relevant actions (sign-ins, account changes, tokens) and, later, approval decisions. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for anonymous actions (a failed sign-in, the first admin's setup). */
    actorId: text('actor_id'),
    /** The actor's username at the time (users may be renamed or deleted later). */
    actorName: text('actor_name'),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_target_idx').on(t.target)],
);
export type AuditRow = InferSelectModel<typeof auditLog>;

/**
 * An approval process set up with the guided form (lib/approvals): the spec the form edits, and
 * the ordinary design generated from it (deployed like any other).
 */
export const approvalProcesses = pgTable('approval_processes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  designId: text('design_id')
    .notNull()
    .references(() => designs.id, { onDelete: 'cascade' }),
  /** The ApprovalProcessSpec (lib/approvals/spec.ts), parsed again on every read. */
  spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ApprovalProcessRow = InferSelectModel<typeof approvalProcesses>;

/**
 * The process form's submissions (lib/approvals/create-once.ts): one row per (author, key), claimed
 * by inserting it before anything else is created, so a double submit that reaches two web
 * instances creates one process. A table of its own rather than a column of approval_processes:
 * the claim has to come before the design is created (the process row comes after it), the first
 * create's answer (its deploy) must be readable by the other instance, and keys expire without
 * touching the processes.
 */
export const processCreateKeys = pgTable(
  'process_create_keys',
  {
    /** The principal's id (a user; no foreign key: the key outlives nothing, it expires). */
    authorId: text('author_id').notNull(),
    key: text('key').notNull(),
    /** The process name the key was first used for: the same key for another name is a client bug. */
    processName: text('process_name').notNull(),
    /** Set once the process row is stored: from then on the key stays used whatever happens. */
    processId: text('process_id').references(() => approvalProcesses.id, { onDelete: 'cascade' }),
    /** The first create's answer: `{ deploy }` or `{ error }` (lib/approvals/create-once.ts); null while it runs. */
    answer: jsonb('answer').$type<Record<string, unknown>>(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the answer was stored (expiry counts from then). */
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.authorId, t.key] })],
);
export type ProcessCreateKeyRow = InferSelectModel<typeof processCreateKeys>;

/**
 * A submitted request: its execution, who submitted it, and a projection of the workflow's state
 * (the `task*` columns, lib/approvals/tasks.ts) so that the inbox and the requests list page,
 * filter and count in SQL instead of asking every execution. The workflow stays the authority:
 * the projection is refreshed from its query after a submission, after each decision, when the
 * notify activity says a level opened or the request was decided (`taskStale`), when a deadline
 * passes, and whenever the workflow's canDecide disagrees; the decide update's validators judge.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    workflowId: text('workflow_id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => approvalProcesses.id, { onDelete: 'cascade' }),
    requesterId: text('requester_id').references(() => users.id, { onDelete: 'set null' }),
    requesterName: text('requester_name').notNull(),
    /** The request's field values as submitted. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Lower-case requester and field values, for the inbox's text filter. */
    searchText: text('search_text').notNull().default(''),
    /** pending, approved, rejected or unknown (as lib/approvals/status.ts reads the workflow). */
    taskOutcome: text('task_outcome').notNull().default('pending'),
    /** The open level (1-based), 0 when none. */
    taskLevel: integer('task_level').notNull().default(0),
    /** Who may decide at the open level now: `user:<name>` / `role:<role>` (before the per-person rules). */
    taskAssignees: text('task_assignees').array().notNull().default([]),
    /** Who already approved at the open level (they may not approve twice). */
    taskApprovedBy: text('task_approved_by').array().notNull().default([]),
    /** When the open level's deadline passes; the projection is stale from then on. */
    taskDeadline: timestamp('task_deadline', { withTimezone: true }),
    /** The execution's status name (RUNNING, COMPLETED, …) when last read. */
    executionStatus: text('execution_status'),
    /** The whole RequestStatus (levels, who approved, history) when last read; null before the first read. */
    taskStatus: jsonb('task_status').$type<Record<string, unknown>>(),
    /** Set when the workflow may have moved on since the last read (new rows, notify, a level in transition). */
    taskStale: boolean('task_stale').notNull().default(true),
    taskRefreshedAt: timestamp('task_refreshed_at', { withTimezone: true }),
  },
  (t) => [
    index('approval_requests_requester_idx').on(t.requesterName),
    index('approval_requests_process_idx').on(t.processId),
    index('approval_requests_open_idx').on(t.taskOutcome, t.processId, t.submittedAt),
    index('approval_requests_stale_idx').on(t.taskStale),
  ],
);
export type ApprovalRequestRow = InferSelectModel<typeof approvalRequests>;

// ---------- groups (lib/auth/groups.ts) ----------

/**
 * A set of users an admin names, e.g. "finance-managers": an approval level may name it as its
 * approver (lib/approvals/spec.ts). The name is spelt like an approver name (APPROVER_NAME).
 */
export const userGroups = pgTable('user_groups', {
  name: text('name').primaryKey(),
  displayName: text('display_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type UserGroupRow = InferSelectModel<typeof userGroups>;

/** Who is in a group: read when a task is listed or decided, so a member added later may decide. */
export const userGroupMembers = pgTable(
  'user_group_members',
  {
    groupName: text('group_name')
      .notNull()
      .references(() => userGroups.name, { onDelete: 'cascade' }),
    username: text('username')
      .notNull()
      .references(() => users.username, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupName, t.username] }), index('user_group_members_username_idx').on(t.username)],
);
export type UserGroupMemberRow = InferSelectModel<typeof userGroupMembers>;

// ---------- notifications (lib/notifications) ----------

/**
 * An in-app notification, written by the built-in notify activity (worker/activities.ts): to one
 * user by username, to everyone holding a role, or to a group's members. Read marks are per user
 * (notification_reads).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    recipientKind: text('recipient_kind').$type<'user' | 'role' | 'group'>().notNull(),
    /** A username, a role name or a group name (its members when read: lib/notifications/store.ts). */
    recipient: text('recipient').notNull(),
    message: text('message').notNull(),
    /** The execution that sent it (the notification links to its request or execution page). */
    workflowId: text('workflow_id'),
    /** `{runId}/{activityId}` of the notify activity: a retried attempt adds no second row. */
    sourceKey: text('source_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientKind, t.recipient, t.id),
    unique('notifications_source_recipient_unique').on(t.sourceKey, t.recipientKind, t.recipient),
  ],
);
export type NotificationRow = InferSelectModel<typeof notifications>;

/** Who has read which notification (a role's notification is read by each of its holders separately). */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: integer('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
