import { defineConfig } from 'vite';

// The app is built from index.html (the review screen) and launch/ (the SMART launch page).
export default defineConfig({
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
});
