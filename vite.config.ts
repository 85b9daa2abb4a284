import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The CLI bundle lives in dist/cli; the web build must not empty it.
    outDir: 'dist/web',
    // Sample captures stay files fetched by the worker (never inlined as data: URLs); small icons may inline.
    assetsInlineLimit: (file) => (/\.(pcapng|pcap|gz)$/.test(file) ? false : undefined),
    // Monaco is lazy-loaded in its own chunk; it is big by nature.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'samples/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
