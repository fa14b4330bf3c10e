import { z } from 'zod';
import { APPROVER_NAME } from '@/lib/approvals/spec';
import { ROLES } from '@/lib/auth/roles';
import { DisplayNameSchema, UsernameSchema } from '../auth/schema';

/** A group's name is spelt like an approver's (it travels into the generated workflow as a literal); never a role's. */
export const GroupNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(APPROVER_NAME, 'use 2–40 letters, digits, dots, dashes or underscores, starting with a letter or digit')
  .refine((name) => !(ROLES as readonly string[]).includes(name), 'is a built-in role: choose another name for the group');

export const CreateGroupBodySchema = z.object({
  name: GroupNameSchema,
  displayName: DisplayNameSchema.optional(),
  members: z.array(UsernameSchema).max(500).default([]),
});

export const UpdateGroupBodySchema = z.object({ displayName: DisplayNameSchema });

export const MemberBodySchema = z.object({ username: UsernameSchema });

export const PeopleQuerySchema = z.object({ q: z.string().max(100, 'must have at most 100 characters').default('') });
