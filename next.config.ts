import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WASM files beside itself, argon2 is native.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
