'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TimeAnchorProvider } from '@/components/hooks/time-anchor';
import { TimeZoneProvider } from '@/components/hooks/time-zone';
import { getQueryClient } from '@/lib/queries/query-client';

export function Providers({
  children,
  anchorMs,
  timeZone,
  savedZone,
}: {
  children: ReactNode;
  anchorMs: number;
  timeZone: string;
  savedZone: string | null;
}) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <TimeAnchorProvider initialMs={anchorMs}>
        <TimeZoneProvider timeZone={timeZone} saved={savedZone}>
          {children}
        </TimeZoneProvider>
      </TimeAnchorProvider>
    </QueryClientProvider>
  );
}
