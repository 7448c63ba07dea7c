'use client';

import { useSearchParams } from 'next/navigation';
import { carryView } from '@/lib/url/carry';

/** A function giving an in-app path with the current range, refresh and time zone (lib/url/carry.ts). */
export function useCarry(): (href: string) => string {
  const q = useSearchParams();
  return (href) => carryView(href, q);
}
