import Link from 'next/link';
import type { Principal } from '@/lib/auth/principal';
import { pageRuleFor, rolesAllowed } from '@/lib/auth/policy';
import { NotificationBell } from '../notifications/NotificationBell';
import { ThemeControl } from '../theme/ThemeControl';
import { AppNav, type NavLink } from './AppNav';
import { LogoutButton } from './LogoutButton';

const SECTIONS: readonly NavLink[] = [
  { href: '/', label: 'Designs', testId: 'nav-designs' },
  { href: '/executions', label: 'Executions', testId: 'nav-executions' },
  { href: '/processes', label: 'Processes', testId: 'nav-processes' },
  { href: '/requests', label: 'Requests', testId: 'nav-requests' },
  { href: '/inbox', label: 'Inbox', testId: 'nav-inbox' },
];

/** The sections this user's roles may open (the page policy decides, as it does for the pages themselves). */
function sectionsFor(user: Principal): NavLink[] {
  return SECTIONS.filter((s) => {
    const rule = pageRuleFor(s.href);
    return rule !== undefined && rolesAllowed(rule.access, user.roles);
  });
}

/** The bar at the top of every signed-in page: the sections (Designs, Executions, Processes, Requests, Inbox), name, roles, admin link, sign out. */
export function UserMenu({ user }: { user: Principal }) {
  return (
    <nav className="appbar" aria-label="Account">
      <Link href="/" className="brand appbar__brand">
        Signalbox
      </Link>
      <AppNav links={sectionsFor(user)} />
      <div className="appbar__right" data-testid="user-menu">
        {user.roles.includes('admin') && (
          <Link href="/admin/users" className="appbar__link" data-testid="admin-link">
            Users
          </Link>
        )}
        <ThemeControl />
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
