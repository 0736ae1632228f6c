import { type Prng, WeightedTable } from './prng.ts'

export interface CampaignTeam {
  campaignId: number
  agentIds: number[]
}

/**
 * Who works which client: a campaign drawn with skewed weights (a few big
 * campaigns, several small ones), then one of that campaign's agents, so
 * an agent's clients sit in the campaigns they work. A few clients have
 * no campaign and about one in ten no agent yet (not distributed).
 */
export class StaffPlan {
  readonly #teams: WeightedTable<CampaignTeam> | null
  readonly #agentTables = new Map<number, WeightedTable<number>>()

  constructor(
    teams: CampaignTeam[],
    readonly agentIds: number[]
  ) {
    this.#teams = teams.length > 0 ? WeightedTable.zipf(teams, 0.5) : null
    for (const team of teams) {
      const agents = team.agentIds.length > 0 ? team.agentIds : agentIds
      if (agents.length > 0) this.#agentTables.set(team.campaignId, WeightedTable.zipf(agents, 0.3))
    }
  }

  draw(random: Prng): { campaignId: number | null; agentId: number | null } {
    const team = this.#teams && random.chance(0.97) ? random.weighted(this.#teams) : null
    const assigned = random.chance(0.9)
    if (!assigned) return { campaignId: team?.campaignId ?? null, agentId: null }
    const agents = team ? this.#agentTables.get(team.campaignId) : null
    if (agents) return { campaignId: team!.campaignId, agentId: random.weighted(agents) }
    return {
      campaignId: team?.campaignId ?? null,
      agentId: this.agentIds.length > 0 ? random.pick(this.agentIds) : null,
    }
  }
}
