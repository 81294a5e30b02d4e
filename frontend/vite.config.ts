import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// One project, two apps. `--mode cp` / `--mode pp` picks the app: its index.html lives in
// src/<app>/, its build lands where the Maven jar picks it up (classpath:/ui/<app>/), and the
// dev server proxies /api to the backend that serves that app in production.
const apps = {
  cp: { backend: 'http://localhost:8080', devPort: 5173 },
  pp: { backend: 'http://localhost:8081', devPort: 5174 },
} as const;

type AppName = keyof typeof apps;

export default defineConfig(({ mode }) => {
  if (!(mode in apps)) {
    throw new Error(`Unknown app mode "${mode}": run vite with --mode cp or --mode pp`);
  }
  const app = mode as AppName;
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  return {
    root: here(`./src/${app}`),
    base: '/',
    envDir: here('./'),
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: here(`./target/classes/ui/${app}`),
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        output: {
          // The JSON Schema validator (Ajv, CP's schema forms) in a chunk of its own: the app's
          // own code changes far more often, and neither chunk passes Vite's 500 kB warning.
          manualChunks: (id: string) => (id.includes('/node_modules/ajv/') ? 'json-schema' : undefined),
        },
      },
    },
    server: {
      port: apps[app].devPort,
      strictPort: true,
      proxy: { '/api': { target: apps[app].backend, changeOrigin: false } },
    },
  };
});
