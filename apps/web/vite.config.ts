import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the app and hands the API and ingestion to a running `jejak serve`
// (npm start in another terminal); in production the Jejak process serves dist/ itself.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': api, '/v1': api, '/tracker.js': api } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
