import { z } from 'zod';
import { refuseUnsafeName } from '@/lib/api/text-safety';
import { ROLES } from '@/lib/auth/roles';
import { DisplayNameSchema, NewPasswordSchema, UsernameSchema } from '../auth/schema';

export const RolesSchema = z.array(z.enum(ROLES)).max(ROLES.length).transform((roles) => [...new Set(roles)]);

export const CreateUserBodySchema = z.object({
  username: UsernameSchema,
  displayName: DisplayNameSchema.optional(),
  password: NewPasswordSchema,
  roles: RolesSchema,
});

export const UpdateUserBodySchema = z
  .object({
    roles: RolesSchema.optional(),
    disabled: z.boolean().optional(),
    displayName: DisplayNameSchema.optional(),
  })
  .refine((body) => body.roles !== undefined || body.disabled !== undefined || body.displayName !== undefined, 'give roles, disabled or displayName');

export const ResetPasswordBodySchema = z.object({ password: NewPasswordSchema });

export const CreateTokenBodySchema = z.object({
  /** Listed to every admin and in the audit log: no bidi or control characters. */
  name: z.string().trim().min(1, 'is required').max(100, 'must have at most 100 characters').superRefine(refuseUnsafeName),
  /** The account the token acts as (its roles apply); default: the admin issuing it. */
  userId: z.string().min(1).max(100).optional(),
});
