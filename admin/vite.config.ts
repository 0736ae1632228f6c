import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import {
  pluginChunkFileNames,
  resolvePluginDirs,
  tableroPluginModules,
} from './build/plugin_admin_modules.ts'
import { precompressAssets } from './build/precompress_assets.ts'

/**
 * Packages pulled in by Refine for features the shell does not use on every screen (markdown
 * fields, CSV import/export) that do not declare themselves side-effect free: without this hint
 * they ship in the first download even when nothing calls them (~110 kB gzip). They are still
 * bundled, lazily, wherever a screen does use them.
 */
const PURE_PACKAGES = /node_modules\/(react-markdown|remark-gfm|papaparse)\//

const adminRoot = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = resolve(adminRoot, '..')
const pluginDirs = resolvePluginDirs(repoRoot)

/**
 * The admin is served by Adonis under `/admin`, so the same base is used in development, where
 * Vite proxies `/api` to the backend: cookies, CSRF and paths then behave exactly as in production.
 */
export default defineConfig({
  root: adminRoot,
  base: '/admin/',
  plugins: [react(), tableroPluginModules({ pluginDirs }), precompressAssets()],
  resolve: {
    alias: {
      '@tablero/admin': resolve(adminRoot, 'src/sdk.ts'),
      // Rules the backend enforces and the admin checks as the user types (shared/ at the root).
      '@tablero/shared': resolve(repoRoot, 'shared'),
    },
    // Plugins live outside admin/; one copy of each shared library keeps React contexts intact.
    dedupe: ['react', 'react-dom', 'react-router', 'antd', '@refinedev/core', 'react-i18next'],
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.TABLERO_API_URL || 'http://localhost:3333' },
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: resolve(adminRoot, 'dist'),
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: [{ test: PURE_PACKAGES, sideEffects: false }] },
      output: { chunkFileNames: pluginChunkFileNames(pluginDirs) },
    },
  },
})
