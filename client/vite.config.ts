/**
 * Vite build and dev-server config for the explorer's single-page client.
 * Root is client/; the build lands in dist/client at the repo root, where the Express server serves it.
 * In dev, /api is proxied to the API server on PORT (the same variable the server reads).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));
/** Where the API server listens in development; matches the server's own default port. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, '../dist/client'),
    emptyOutDir: true,
    // Cytoscape alone is ~450 kB minified; it is one cached chunk, not a bloat signal.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // The client imports the shared API contract from server/src, outside the Vite root.
    fs: { allow: [resolve(root, '..')] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
