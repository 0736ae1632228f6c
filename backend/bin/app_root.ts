/**
 * The application root is the repository root (one level above backend/),
 * because adonisrc.ts, config/, database/ and plugins/ live there.
 */
export const APP_ROOT = new URL('../../', import.meta.url)

/**
 * Imports files in the context of the application: relative paths are
 * resolved from the application root, everything else through Node.
 */
export function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}
