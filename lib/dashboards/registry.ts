/** Pages in the navigation, only those that exist. */
export const NAV: { href: string; label: string }[] = [
  { href: '/', label: 'Overview' },
  { href: '/workflows', label: 'Workflows' },
  { href: '/streaming', label: 'Streaming' },
  { href: '/policy', label: 'Policy' },
  { href: '/memory', label: 'Memory' },
  { href: '/agents', label: 'Agents' },
  { href: '/llm', label: 'LLM' },
  { href: '/hosts', label: 'Hosts' },
  { href: '/traces', label: 'Traces' },
  { href: '/services', label: 'Services' },
  { href: '/explore', label: 'Explore' },
  { href: '/dashboards', label: 'Dashboards' },
];
