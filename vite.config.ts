import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Three pages, each its own entry, so the ballot page loads only what it needs.
export default defineConfig({
  root: here('./client'),
  plugins: [preact()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2019',
    rollupOptions: {
      input: {
        ballot: here('./client/index.html'),
        admin: here('./client/admin.html'),
        display: here('./client/display.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/ws': { target: 'ws://localhost:8080', ws: true } } },
});
