/*
|--------------------------------------------------------------------------
| Ace entry point
|--------------------------------------------------------------------------
|
| `node ace <command>` runs the Adonis CLI. TypeScript sources are compiled
| just in time by ts-exec, so there is no build step in development.
|
*/
import '@poppinss/ts-exec'

await import('./backend/bin/console.ts')
