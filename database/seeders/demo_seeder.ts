import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { DEMO_USERS } from '#database/demo_users'
import { DEMO_AGENTS, DEMO_AGENT_PASSWORD } from '#database/demo_agents'
import { DemoCrm } from '#database/demo_crm'
import { AuditLog, SYSTEM_ACTOR } from '#services/audit_log'

/**
 * The demo: one admin, one supervisor and two agents with the credentials
 * printed below and listed in README.md, eight more agents, six campaigns
 * and two thousand clients. Runs only when the users and clients tables
 * are both empty, so it never touches a real installation.
 */
export default class DemoSeeder extends BaseSeeder {
  async run() {
    if ((await countOf('users')) > 0 || (await countOf('clients')) > 0) {
      console.log('Users or clients exist already: demo not created')
      return
    }
    const started = performance.now()
    const accounts = [
      ...DEMO_USERS,
      ...DEMO_AGENTS.map((agent) => ({
        ...agent,
        password: DEMO_AGENT_PASSWORD,
        role: 'agent' as const,
        locale: 'es' as const,
      })),
    ]
    const summary = await db.transaction(async (trx) => {
      const userIds = new Map<string, number>()
      for (const account of accounts) {
        const user = await User.create(account, { client: trx })
        userIds.set(user.email, user.id)
        await AuditLog.record(trx, SYSTEM_ACTOR, {
          action: 'create',
          resource: 'users',
          recordId: user.id,
          after: user.toPublic(),
        })
      }
      return new DemoCrm(trx, userIds).seed()
    })
    console.log('Demo users (email / password):')
    for (const demo of DEMO_USERS) {
      console.log(`  ${demo.role.padEnd(10)} ${demo.email} / ${demo.password}`)
    }
    console.log(
      `  and ${DEMO_AGENTS.length} more agents (…@tablero.test / ${DEMO_AGENT_PASSWORD}), ` +
        `${summary.campaigns} campaigns, ${summary.clients} clients in ${summary.bases} bases ` +
        `and by hand, ${summary.notes} notes, ` +
        `${summary.tasks} tasks in ${Math.round(performance.now() - started)} ms`
    )
    await this.#pluginDemos()
  }

  /**
   * Each enabled plugin's demo (manifest `demo`), in dependency order, so
   * its screens are filled too: the plugin writes its own rows.
   */
  async #pluginDemos() {
    const plugins = await app.container.make('tablero.plugins')
    await plugins.refresh(true)
    const users = await db.from('users').select('id', 'role', 'email', 'timezone').orderBy('id')
    const campaigns = await db.from('campaigns').select('id', 'name', 'type').orderBy('id')
    const members = await db.from('campaign_agents').select('campaign_id', 'user_id')
    const context = {
      users,
      campaigns: campaigns.map((campaign) => ({
        ...campaign,
        agentIds: members
          .filter((member) => member.campaign_id === campaign.id)
          .map((member) => Number(member.user_id)),
      })),
    }
    for (const manifest of plugins.manifests) {
      if (!manifest.demo || !plugins.isEnabled(manifest.name)) continue
      const { default: demo } = await manifest.demo()
      const started = performance.now()
      const summary = await demo(context)
      console.log(`  ${manifest.name}: ${summary} in ${Math.round(performance.now() - started)} ms`)
    }
  }
}

async function countOf(table: string) {
  const row = await db.from(table).count('* as total').first()
  return Number(row?.total ?? 0)
}
