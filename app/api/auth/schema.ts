import { z } from 'zod';
import { refuseUnsafeName } from '@/lib/api/text-safety';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/passwords';
import { weakPasswordProblem } from '@/lib/auth/password-strength';

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'use 2–40 letters, digits, dots, dashes or underscores, starting with a letter or digit');

/** Shown to other people (inboxes, audit, "approved by …"): no bidi or control characters (lib/api/text-safety.ts). */
export const DisplayNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must have at most 100 characters').superRefine(refuseUnsafeName);

export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must have at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((value) => value.trim() !== '', 'must not be only spaces')
  // The maintained strength estimator (zxcvbn) refuses the commonest and weakest passwords.
  .superRefine((value, context) => {
    const weak = value.length >= MIN_PASSWORD_LENGTH ? weakPasswordProblem(value) : null;
    if (weak) context.addIssue({ code: 'custom', message: weak });
  });

export const SetupBodySchema = z.object({
  username: UsernameSchema,
  displayName: DisplayNameSchema.optional(),
  password: NewPasswordSchema,
});

export const LoginBodySchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
  newPassword: NewPasswordSchema,
});
