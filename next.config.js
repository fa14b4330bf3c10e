/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // On every answer (pages, API, static files); the Content-Security-Policy is set by proxy.ts (lib/security-headers.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
  // For profiling the designer in a production build (docs/benchmarks.md, "Profiling"); off by default.
  productionBrowserSourceMaps: process.env.SIGNALBOX_BROWSER_SOURCE_MAPS === '1',
  // Server-only packages with native code, workers or dynamic requires: loaded by Node, never bundled.
  serverExternalPackages: [
    '@temporalio/client',
    '@temporalio/worker',
    '@temporalio/core-bridge',
    '@temporalio/common',
    '@temporalio/proto',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    'typescript',
    'prettier',
    'handlebars',
  ],
};

// Telemetry is off: NEXT_TELEMETRY_DISABLED=1 is set by scripts/bootstrap.mjs for every command.
process.env.NEXT_TELEMETRY_DISABLED = '1';

export default nextConfig;
