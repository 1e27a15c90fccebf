/**
 * Entry point: mounts the explorer into #root.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('main.tsx: element #root not found in index.html.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
