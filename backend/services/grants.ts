import app from '@adonisjs/core/services/app'
import type { Grants } from '#abilities/grants'

let grants: Grants

/** The grants singleton (role × permission), for code that cannot receive it by injection. */
await app.booted(async () => {
  grants = await app.container.make('tablero.grants')
})

export { grants as default }
