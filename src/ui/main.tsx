import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerOfflineWorker } from './lib/offline.ts';
import './styles.css';

// A transition: React renders the first page in slices of a few milliseconds, yielding between them,
// instead of in one task (45-55 ms here), so the page takes input while it builds.
const root = createRoot(document.getElementById('root')!);
startTransition(() => root.render(
  <StrictMode>
    <App />
  </StrictMode>,
));

// Production builds only: the dev server's modules are not hashed and must never be served stale.
if (import.meta.env.PROD) registerOfflineWorker(import.meta.env.BASE_URL);
