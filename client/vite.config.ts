/**
 * Vite build and dev-server config for the explorer's single-page client.
 * Root is client/; the build lands in dist/client at the repo root, where the Express server serves it.
 * In dev, /api is proxied to the API server on PORT (the same variable the server reads).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cypherBuiltinsPlugin } from './src/workbench/cypher-builtins-plugin.ts';

const root = dirname(fileURLToPath(import.meta.url));
/** Where the API server listens in development; matches the server's own default port. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  // cypherBuiltinsPlugin: the Cypher functions and procedures the workbench's editor knows without asking the database.
  plugins: [react(), cypherBuiltinsPlugin()],
  build: {
    outDir: resolve(root, '../dist/client'),
    emptyOutDir: true,
    // Cytoscape alone is ~450 kB minified; it is one cached chunk, not a bloat signal. The Cypher workbench
    // (CodeMirror + Neo4j's Cypher parser, ~1.9 MB, 400 kB gzipped) is one more, loaded only when the workbench
    // first opens; its linter's worker (Neo4j's semantic analysis, ~6 MB) only when a query is first checked.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod's sources put /*@__PURE__*/ comments where Rollup can't use them; it drops them and said so on
      // every build, in ten lines a newcomer could take for a problem. Warnings about our own code still show.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
  server: {
    // The client imports the shared API contract from server/src, outside the Vite root.
    fs: { allow: [resolve(root, '..')] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
