import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './globals.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ConnectionBanner } from '../components/health/ConnectionBanner';

export const metadata: Metadata = {
  title: 'Signalbox',
  description: 'Design, deploy and watch Temporal workflows',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body><ConnectionBanner />{children}</body>
    </html>
  );
}
