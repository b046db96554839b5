import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'
import { readFileSync } from 'node:fs'

/**
 * `npm run dev` without Quarkus: serve /config.json from config.dev.json, so the app can talk to a
 * stack started with `./crm up` (or to the mock API with `npm run dev:mock`).
 */
function serveDevConfig(_req: unknown, res: { setHeader: (k: string, v: string) => void; end: (b: Buffer) => void }) {
  res.setHeader('Content-Type', 'application/json')
  res.end(readFileSync(new URL('./config.dev.json', import.meta.url)))
}

function devConfig(): Plugin {
  return {
    name: 'crm-dev-config',
    configureServer(server) {
      server.middlewares.use('/config.json', serveDevConfig)
    },
    configurePreviewServer(server) {
      server.middlewares.use('/config.json', serveDevConfig)
    },
  }
}

export default defineConfig({
  plugins: [vue(), devConfig()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', chunkSizeWarningLimit: 1200 },
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['src/**/*.test.ts'],
  },
})
