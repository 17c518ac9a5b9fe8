import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the app (index.html, which completes the SMART launch and shows the review) and the
// launch page (launch/index.html, which starts it). public/smart-config.json is the runtime
// configuration, copied as is so a site can edit it without a rebuild.
// Production builds ship no source maps unless asked (`SOURCEMAP=1 npm run build`): a map publishes
// the whole source to anyone who opens the app.
export default defineConfig({
  build: {
    outDir: 'dist',
    sourcemap: process.env.SOURCEMAP === '1',
    target: 'es2022',
    rollupOptions: {
      input: { app: resolve(import.meta.dirname, 'index.html'), launch: resolve(import.meta.dirname, 'launch/index.html') },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
