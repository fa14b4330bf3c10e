import Link from 'next/link';
import { describeAccess, pageRuleFor } from '@/lib/auth/policy';
import { requirePageAccess } from '../page-access';

export const dynamic = 'force-dynamic';

/** Where a signed-in user lands when their roles do not open a page: what it needs and what they have. */
export default async function NotAllowedPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageAccess('/not-allowed');
  const page = (await searchParams).page ?? '';
  const rule = page ? pageRuleFor(page) : undefined;
  return (
    <main className="auth-page">
      <div className="auth-card" data-testid="not-allowed">
        <h1 className="auth-card__title">Not allowed</h1>
        <p>
          {page ? <code>{page}</code> : 'This page'} {rule ? `needs ${describeAccess(rule.access)}` : 'is not open to anyone yet'}. You are signed in as{' '}
          <strong>{user.username}</strong> with {user.roles.length > 0 ? `the role${user.roles.length > 1 ? 's' : ''} ${user.roles.join(', ')}` : 'no role'}.
        </p>
        <p className="muted">Ask an admin to change your roles if you need this page.</p>
        <Link href="/" className="btn">
          Home
        </Link>
      </div>
    </main>
  );
}
