/** Pages in the navigation, only those that exist. */
export const NAV: { href: string; label: string }[] = [
  { href: '/workflows', label: 'Workflows' },
  { href: '/traces', label: 'Traces' },
];
