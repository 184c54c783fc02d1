import { defineConfig } from 'vite';

// One self-contained, minified IIFE (dist/tracker.js) that the Jejak server serves at /tracker.js.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/browser.ts',
      formats: ['iife'],
      name: 'JejakTracker',
      fileName: () => 'tracker.js',
    },
  },
});
