import Link from 'next/link';

/** Users | Groups: the admin pages, the current one marked. */
export function AdminTabs({ current }: { current: 'users' | 'groups' }) {
  const tabs = [
    { key: 'users', href: '/admin/users', label: 'Users and access' },
    { key: 'groups', href: '/admin/groups', label: 'Groups' },
  ] as const;
  return (
    <nav className="admin__tabs" aria-label="Administration">
      {tabs.map((t) => (
        <Link key={t.key} href={t.href} className="admin__tab" aria-current={t.key === current ? 'page' : undefined} data-testid={`admin-tab-${t.key}`}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
