import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './globals.css';
import './auth.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { CurrentUserProvider } from '@/components/auth/CurrentUser';
import { UserMenu } from '@/components/auth/UserMenu';
import { ConnectionBanner } from '@/components/health/ConnectionBanner';
import { THEME_PREPAINT_SCRIPT } from '@/lib/theme-script';
import { currentUser } from './page-access';

export const metadata: Metadata = {
  title: 'Signalbox',
  description: 'Design, deploy and watch Temporal workflows',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Only for showing the menu: each page checks its own access (app/page-access.ts).
  const user = await currentUser();
  return (
    // The pre-paint script may set data-theme before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_PREPAINT_SCRIPT }} />
      </head>
      <body className={user ? 'has-appbar' : undefined}>
        <ConnectionBanner />
        {user && <UserMenu user={user} />}
        <CurrentUserProvider user={user}>{children}</CurrentUserProvider>
      </body>
    </html>
  );
}
