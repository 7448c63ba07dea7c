import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep server-only native or heavy deps out of the bundle.
  serverExternalPackages: ['prom-client'],
};

export default nextConfig;
