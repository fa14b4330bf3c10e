'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavLink {
  href: string;
  label: string;
  testId: string;
}

/** The top bar's sections; the one the page belongs to is marked current. */
export function AppNav({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <div className="appbar__nav">
      {links.map((link) => {
        const current = link.href === '/' ? pathname === '/' || pathname.startsWith('/designs') : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link key={link.href} href={link.href} className="appbar__link" data-testid={link.testId} aria-current={current ? 'page' : undefined}>
            {link.label}
          </Link>
        );
      })}
    </div>
  );
}
