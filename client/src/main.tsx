/**
 * Entry point: mounts the explorer into #root.
 */
import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadServerLimits } from './api/server-limits.ts';
import './styles.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('main.tsx: element #root not found in index.html.');

// The server's limits first (one small request): the view's cap shapes what the explorer asks for.
void loadServerLimits().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
