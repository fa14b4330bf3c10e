import { redirect } from 'next/navigation';
import { countUsers } from '@/db/repository';
import { AuthForm, TextField } from '@/components/auth/AuthForm';
import { OIDC_FAILURES, oidcConfigured } from '@/lib/auth/oidc-config';
import { currentUser, safeNextPath } from '../page-access';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  // Public page (lib/auth/policy.ts: '/login'); signed-in users go on, a fresh install goes to setup.
  const { next: nextParam, error } = await searchParams;
  const next = safeNextPath(nextParam);
  const failure = error && Object.hasOwn(OIDC_FAILURES, error) ? OIDC_FAILURES[error as keyof typeof OIDC_FAILURES] : null;
  if (await currentUser()) redirect(next);
  if ((await countUsers()) === 0) redirect('/setup');
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand--lg">Signalbox</div>
        <h1 className="auth-card__title">Sign in</h1>
        {failure && (
          <p className="auth-form__error" role="alert" data-testid="login-error">
            {failure}
          </p>
        )}
        <AuthForm action="/api/auth/login" then={next} submitLabel="Sign in" busyLabel="Signing in…" testId="login-form">
          <TextField name="username" label="Username" autoComplete="username" autoFocus />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" />
        </AuthForm>
        {oidcConfigured() && (
          <a className="btn auth-card__sso" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
            Sign in with single sign-on
          </a>
        )}
        <p className="muted auth-card__note">No account? Ask an admin of this Signalbox.</p>
      </div>
    </main>
  );
}
