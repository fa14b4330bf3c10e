import { redirect } from 'next/navigation';
import { countUsers } from '@/db/repository';
import { SetupForm } from './SetupForm';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  // Public page (lib/auth/policy.ts: '/setup'), and only while there is no account at all.
  if ((await countUsers()) > 0) redirect('/login');
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand--lg">Signalbox</div>
        <h1 className="auth-card__title">Create the admin account</h1>
        <p className="muted">
          This Signalbox has no accounts yet. The first one is the admin, who then creates the others. There is no default password: choose
          one now.
        </p>
        <SetupForm />
      </div>
    </main>
  );
}
