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
}: {
  children: ReactNode;
  anchorMs: number;
  timeZone: string;
}) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <TimeAnchorProvider initialMs={anchorMs}>
        <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>
      </TimeAnchorProvider>
    </QueryClientProvider>
  );
}
