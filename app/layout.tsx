import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { isTimeZone, runtimeTimeZone, ZONE_PREF_COOKIE } from '@/lib/format/time-zone';
import { AppShell } from '@/components/shell/app-shell';
import { authMode, currentPrincipal, scriptNonce } from '@/lib/auth/server';
import { requestAnchorMs } from '@/lib/server/request-anchor';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shannon Console', template: '%s · Shannon Console' },
  description: 'Observability for Shannon: what is slow, why, and is the new policy safe to enforce.',
};

// Applied before paint so a dark-mode user never sees a white flash.
// The viewer's time zone goes to the server with every later request, so that charts rendered
// there label their time axes in it.
const THEME_SCRIPT = `try{document.cookie='tz='+encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)+';path=/;max-age=31536000;samesite=lax'}catch(e){}try{var t=localStorage.getItem('theme');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}`;

/** The zone named by the viewer's cookie, or the server's own when it is missing or not a zone. */
function viewerTimeZone(cookie: string | undefined): string {
  const name = safeDecode(cookie);
  return name && isTimeZone(name) ? name : runtimeTimeZone();
}

function safeDecode(cookie: string | undefined): string | null {
  try {
    return cookie ? decodeURIComponent(cookie) : null;
  } catch {
    return null; // a malformed cookie: ignored
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  const tz = viewerTimeZone(jar.get('tz')?.value);
  const saved = safeDecode(jar.get(ZONE_PREF_COOKIE)?.value);
  const principal = await currentPrincipal();
  const nonce = await scriptNonce();
  const { mode, explicit } = authMode();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers anchorMs={requestAnchorMs()} timeZone={tz} savedZone={saved}>
          <AppShell principal={principal} noAuthBanner={mode === 'none' && explicit}>
            {children}
          </AppShell>
        </Providers>
      </body>
    </html>
  );
}
