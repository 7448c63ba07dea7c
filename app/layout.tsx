import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requestAnchorMs } from '@/lib/server/request-anchor';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shannon Console', template: '%s · Shannon Console' },
  description: 'Observability for Shannon: what is slow, why, and is the new policy safe to enforce.',
};

// Applied before paint so a dark-mode user never sees a white flash.
const THEME_SCRIPT = `try{var t=localStorage.getItem('theme');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers anchorMs={requestAnchorMs()}>
          <AppShell>{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
