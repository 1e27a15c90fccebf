/**
 * `npm run dev`: the API server restarting on change (tsx watch, on PORT) and Vite's dev server with hot
 * reload in front of it (proxying /api). Ctrl+C stops both; the local Neo4j stops with the API server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../server/src/config.ts';

/** Vite's own default port. */
const DEV_CLIENT_PORT = 5173;

const config = loadConfig();
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/src/main.ts'], { stdio: 'inherit', env: process.env }),
  spawn('npx', ['vite', '--config', 'client/vite.config.ts', '--port', String(DEV_CLIENT_PORT), '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.port) },
  }),
];
console.log(`\n  Dev client with hot reload: http://localhost:${DEV_CLIENT_PORT} (API on port ${config.port})\n`);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', () => stop());
