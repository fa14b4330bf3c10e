'use client';
import { AuthForm, TextField } from '@/components/auth/AuthForm';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';

export function SetupForm() {
  return (
    <AuthForm
      action="/api/auth/setup"
      then="/"
      submitLabel="Create admin and sign in"
      busyLabel="Creating…"
      testId="setup-form"
      check={(values) =>
        values.password !== values.confirm ? { message: 'The two passwords are not the same.', field: 'confirm' } : null
      }
    >
      <TextField name="username" label="Username" autoComplete="username" hint="Letters, digits, dots, dashes; what you sign in with" autoFocus />
      <TextField name="displayName" label="Display name" autoComplete="name" />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: a few unrelated words work well`} />
      <TextField name="confirm" label="Password again" type="password" autoComplete="new-password" />
    </AuthForm>
  );
}
