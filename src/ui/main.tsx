import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerOfflineWorker } from './lib/offline.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Production builds only: the dev server's modules are not hashed and must never be served stale.
if (import.meta.env.PROD) registerOfflineWorker(import.meta.env.BASE_URL);
