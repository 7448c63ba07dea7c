'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TimeAnchorProvider } from '@/components/hooks/time-anchor';
import { getQueryClient } from '@/lib/queries/query-client';

export function Providers({ children, anchorMs }: { children: ReactNode; anchorMs: number }) {
  return <QueryClientProvider client={getQueryClient()}>
      <TimeAnchorProvider initialMs={anchorMs}>{children}</TimeAnchorProvider>
    </QueryClientProvider>;
}
