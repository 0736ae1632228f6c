import { BaseSchema } from '@adonisjs/lucid/schema'
import { ensureContactabilityStates } from '../../backend/catalogue.ts'

/**
 * A6: the "Contactabilidad" filter offers all four values, so the two
 * states no client row holds (contactable, nuevo) become rows of the
 * states table too, for the filter to name.
 */
export default class extends BaseSchema {
  async up() {
    this.defer((db) => ensureContactabilityStates(db))
  }

  async down() {
    this.defer(async (db) => {
      await db.from('ca_contactability_states').whereIn('key', ['contactable', 'new']).delete()
    })
  }
}
