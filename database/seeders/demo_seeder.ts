import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { DEMO_USERS } from '#database/demo_users'
import { AuditLog, SYSTEM_ACTOR } from '#services/audit_log'

/**
 * The demo: one admin, one supervisor and two agents with the credentials
 * printed below and listed in README.md. Runs only on an empty users table,
 * so it never touches a real installation.
 */
export default class DemoSeeder extends BaseSeeder {
  async run() {
    const existing = await User.query().count('* as total').first()
    if (Number(existing?.$extras.total ?? 0) > 0) {
      console.log('Users exist already: demo users not created')
      return
    }
    await db.transaction(async (trx) => {
      for (const demo of DEMO_USERS) {
        const user = await User.create(demo, { client: trx })
        await AuditLog.record(trx, SYSTEM_ACTOR, {
          action: 'create',
          resource: 'users',
          recordId: user.id,
          after: user.toPublic(),
        })
      }
    })
    console.log('Demo users (email / password):')
    for (const demo of DEMO_USERS) {
      console.log(`  ${demo.role.padEnd(10)} ${demo.email} / ${demo.password}`)
    }
  }
}
