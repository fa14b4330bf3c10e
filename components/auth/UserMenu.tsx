import Link from 'next/link';
import type { Principal } from '@/lib/auth/principal';
import { NotificationBell } from '../notifications/NotificationBell';
import { LogoutButton } from './LogoutButton';

/** The bar at the top of every signed-in page: home, name, roles, admin link, sign out. */
export function UserMenu({ user }: { user: Principal }) {
  return (
    <nav className="appbar" aria-label="Account">
      <Link href="/" className="brand appbar__brand">
        Signalbox
      </Link>
      <div className="appbar__right" data-testid="user-menu">
        {user.roles.some((r) => r === 'admin' || r === 'designer') && (
          <Link href="/processes" className="appbar__link" data-testid="nav-processes">
            Processes
          </Link>
        )}
        {user.roles.some((r) => r === 'admin' || r === 'requester') && (
          <Link href="/requests" className="appbar__link" data-testid="nav-requests">
            Requests
          </Link>
        )}
        {user.roles.some((r) => r === 'admin' || r === 'approver') && (
          <Link href="/inbox" className="appbar__link" data-testid="nav-inbox">
            Inbox
          </Link>
        )}
        {user.roles.includes('admin') && (
          <Link href="/admin/users" className="appbar__link" data-testid="admin-link">
            Users
          </Link>
        )}
        <NotificationBell />
        <span className="appbar__user">
          <span data-testid="user-name">{user.displayName}</span>{' '}
          <span className="appbar__roles muted" data-testid="user-roles">
            {user.roles.length > 0 ? user.roles.join(', ') : 'no role'}
          </span>
        </span>
        <LogoutButton />
      </div>
    </nav>
  );
}
