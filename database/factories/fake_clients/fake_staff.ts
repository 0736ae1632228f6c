import hash from '@adonisjs/core/services/hash'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { foldForSearch } from '#services/client_names'
import { CAMPAIGN_CATALOG } from './campaign_catalog.ts'
import { STAFF_NAMES } from './name_lists.ts'
import { Prng } from './prng.ts'
import { StaffPlan, type CampaignTeam } from './staff_plan.ts'
import { insertRows } from './row_inserter.ts'

/** Password of every agent created here (bench and load-test accounts). */
export const FAKE_AGENT_PASSWORD = 'Agent123!'
const AGENT_NAMESPACE = 3

/**
 * Makes sure the base has at least `agents` agents and `campaigns`
 * campaigns, creating the missing ones (deterministic names, agents on
 * @bench.tablero.test), puts every agent of the plan in a campaign, and
 * returns who works which campaign. Existing users and campaigns are
 * reused as they are: the demo's agents get fake clients too.
 */
export async function ensureFakeStaff(
  client: QueryClientContract,
  wanted: { agents: number; campaigns: number },
  now: string
): Promise<StaffPlan> {
  const campaignIds = await ensureCampaigns(client, wanted.campaigns, now)
  const agentIds = await ensureAgents(client, wanted.agents, now)
  const teams = await ensureTeams(client, campaignIds, agentIds, now)
  return new StaffPlan(teams, agentIds)
}

async function ensureCampaigns(client: QueryClientContract, wanted: number, now: string) {
  const existing = await client.from('campaigns').select('id', 'name').orderBy('id')
  const names = new Set(existing.map((row) => row.name as string))
  const missing = wanted - existing.length
  if (missing > 0) {
    const catalog = [
      ...CAMPAIGN_CATALOG,
      ...Array.from({ length: wanted }, (_, i) => ({
        name: `Campaña de prueba ${i + 1}`,
        type: 'outbound_dialer' as const,
        description: 'Creada por tablero:fake-clients',
      })),
    ]
    const rows = catalog
      .filter((campaign) => !names.has(campaign.name))
      .slice(0, missing)
      .map((campaign) => ({ ...campaign, active: 1, created_at: now, updated_at: now }))
    await insertRows(client, 'campaigns', rows)
  }
  const all = await client.from('campaigns').select('id').orderBy('id').limit(wanted)
  return all.map((row) => Number(row.id))
}

async function ensureAgents(client: QueryClientContract, wanted: number, now: string) {
  const agentsNow = () =>
    client.from('users').where({ role: 'agent', active: 1 }).select('id').orderBy('id')
  const existing = await agentsNow()
  if (existing.length < wanted) {
    const password = await hash.make(FAKE_AGENT_PASSWORD)
    const users = await client.from('users').select('email')
    const taken = new Set(users.map((row) => row.email as string))
    const rows = []
    for (let k = 1; rows.length < wanted - existing.length; k++) {
      const agent = fakeAgent(k)
      if (taken.has(agent.email)) continue
      rows.push({
        ...agent,
        password,
        role: 'agent',
        locale: 'es',
        created_at: now,
        updated_at: now,
      })
    }
    await insertRows(client, 'users', rows)
  }
  const agents = await agentsNow()
  return agents.slice(0, wanted).map((row) => Number(row.id))
}

/** Agent number k: a Latin-American name and an address on bench.tablero.test. */
export function fakeAgent(k: number) {
  const random = Prng.forRow(k, AGENT_NAMESPACE)
  const female = random.chance(0.55)
  const given = random.pick(female ? STAFF_NAMES.female : STAFF_NAMES.male)
  const surname = random.pick(STAFF_NAMES.surnames)
  const local = foldForSearch(`${given}.${surname}`).replaceAll(' ', '')
  return {
    full_name: `${given} ${surname}`,
    email: `${local}.${String(k).padStart(2, '0')}@bench.tablero.test`,
  }
}

/**
 * Agents that work none of the plan's campaigns join one, round-robin, so
 * every campaign has a team.
 */
async function ensureTeams(
  client: QueryClientContract,
  campaignIds: number[],
  agentIds: number[],
  now: string
): Promise<CampaignTeam[]> {
  if (campaignIds.length === 0) return []
  const members = async () =>
    client
      .from('campaign_agents')
      .whereIn('campaign_id', campaignIds)
      .whereIn('user_id', agentIds)
      .select('campaign_id', 'user_id')
      .orderBy(['campaign_id', 'user_id'])
  const before = await members()
  const placed = new Set(before.map((row) => Number(row.user_id)))
  const joins = agentIds
    .filter((agentId) => !placed.has(agentId))
    .map((agentId, i) => ({
      campaign_id: campaignIds[i % campaignIds.length],
      user_id: agentId,
      created_at: now,
    }))
  await insertRows(client, 'campaign_agents', joins)
  const teams = new Map(campaignIds.map((id) => [id, [] as number[]]))
  const after = await members()
  for (const row of after) teams.get(Number(row.campaign_id))!.push(Number(row.user_id))
  return campaignIds.map((campaignId) => ({ campaignId, agentIds: teams.get(campaignId)! }))
}
