import { test } from '@japa/runner'
import { OutcomeWindow } from '../backend/telephony/outcome_window.ts'
import { expectedExcess, paceCalls, type PacingSettings } from '../backend/telephony/pacing.ts'

const noStats = { attempts: 0, answered: 0, abandoned: 0 }

/** A seeded generator (mulberry32): the same run every time. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

interface RunResult {
  placed: number
  answered: number
  abandoned: number
  abandonRate: number
  /** share of agent-seconds spent talking */
  occupancy: number
}

/**
 * A campaign in simulated seconds: agents talk 60–180 s and wrap up 10 s,
 * a person answers `answerRate` of the calls after 4–20 s of ringing, the
 * rest ring out at 25 s. Each second the pacer is asked how many calls to
 * place, with the last 15 minutes' outcomes. An answered call with no free
 * agent is abandoned.
 */
function simulate(
  settings: PacingSettings,
  options: {
    agents: number
    /** share of calls a person answers, or that share at each second */
    answerRate: number | ((second: number) => number)
    seconds: number
    seed: number
  }
): RunResult {
  const answerRate =
    typeof options.answerRate === 'number' ? () => options.answerRate as number : options.answerRate
  const next = random(options.seed)
  const busyUntil: number[] = Array.from({ length: options.agents }, () => 0)
  let ringing: Array<{ endsAt: number; human: boolean }> = []
  const outcomes: Array<{ at: number; answered: boolean; abandoned: boolean }> = []
  let placed = 0
  let answered = 0
  let abandoned = 0
  let talking = 0
  for (let now = 0; now < options.seconds; now++) {
    const stillRinging: typeof ringing = []
    for (const call of ringing) {
      if (call.endsAt > now) {
        stillRinging.push(call)
        continue
      }
      if (!call.human) {
        outcomes.push({ at: now, answered: false, abandoned: false })
        continue
      }
      answered++
      const agent = busyUntil.findIndex((until) => until <= now)
      if (agent === -1) {
        abandoned++
        outcomes.push({ at: now, answered: true, abandoned: true })
      } else {
        const talk = 60 + Math.floor(next() * 121)
        talking += Math.min(talk, options.seconds - now)
        busyUntil[agent] = now + talk + 10
        outcomes.push({ at: now, answered: true, abandoned: false })
      }
    }
    ringing = stillRinging
    while (outcomes.length > 0 && outcomes[0].at < now - 900) outcomes.shift()
    const recent = {
      attempts: outcomes.length,
      answered: outcomes.filter((outcome) => outcome.answered).length,
      abandoned: outcomes.filter((outcome) => outcome.abandoned).length,
    }
    const agentsFree = busyUntil.filter((until) => until <= now).length
    const { calls } = paceCalls({ agentsFree, callsInFlight: ringing.length, recent }, settings)
    for (let index = 0; index < calls; index++) {
      placed++
      const human = next() < answerRate(now)
      ringing.push({ human, endsAt: now + (human ? 4 + Math.floor(next() * 17) : 25) })
    }
  }
  return {
    placed,
    answered,
    abandoned,
    abandonRate: answered ? abandoned / answered : 0,
    occupancy: talking / (options.agents * options.seconds),
  }
}

const campaign = { agents: 20, answerRate: 0.3, seconds: 4 * 3600, seed: 16 }

test.group('telephony pacing: dialing modes', () => {
  test('preview places no call by itself; the agent clicks to call', ({ assert }) => {
    const decision = paceCalls(
      { agentsFree: 5, callsInFlight: 0, recent: noStats },
      { mode: 'preview' }
    )
    assert.equal(decision.calls, 0)
  })

  test('progressive places one call per free agent, counting the calls already ringing', ({
    assert,
  }) => {
    const settings: PacingSettings = { mode: 'progressive' }
    assert.equal(paceCalls({ agentsFree: 4, callsInFlight: 0, recent: noStats }, settings).calls, 4)
    assert.equal(paceCalls({ agentsFree: 4, callsInFlight: 3, recent: noStats }, settings).calls, 1)
    assert.equal(paceCalls({ agentsFree: 4, callsInFlight: 6, recent: noStats }, settings).calls, 0)
    assert.equal(paceCalls({ agentsFree: 0, callsInFlight: 0, recent: noStats }, settings).calls, 0)
  })

  test('ratio dials level × free agents and never past the ceiling', ({ assert }) => {
    const input = { agentsFree: 10, callsInFlight: 5, recent: noStats }
    assert.equal(paceCalls(input, { mode: 'ratio', dialLevel: 2 }).calls, 15)
    assert.equal(paceCalls(input, { mode: 'ratio', dialLevel: 5, maxDialLevel: 3 }).calls, 25)
    assert.equal(paceCalls(input, { mode: 'ratio', dialLevel: 0.4 }).calls, 0)
  })

  test('adaptive dials progressively until it has seen enough calls', ({ assert }) => {
    const decision = paceCalls(
      { agentsFree: 6, callsInFlight: 1, recent: { attempts: 10, answered: 3, abandoned: 0 } },
      { mode: 'adaptive' }
    )
    assert.equal(decision.calls, 5)
  })

  test('adaptive dials more when few calls are answered, less when many are, and less again once abandons pass the target', ({
    assert,
  }) => {
    const settings: PacingSettings = { mode: 'adaptive', maxDialLevel: 10 }
    const pace = (answered: number, abandoned: number) =>
      paceCalls(
        { agentsFree: 10, callsInFlight: 0, recent: { attempts: 500, answered, abandoned } },
        settings
      ).calls
    assert.isAbove(pace(100, 0), pace(400, 0))
    assert.isAtLeast(pace(400, 0), 10)
    assert.isAbove(pace(100, 0), pace(100, 3))
    assert.isAbove(pace(100, 3), pace(100, 10))
    assert.isAtLeast(pace(100, 10), 10, 'never below one call per free agent')
    const capped = paceCalls(
      { agentsFree: 10, callsInFlight: 0, recent: { attempts: 500, answered: 50, abandoned: 0 } },
      { mode: 'adaptive', maxDialLevel: 3 }
    )
    assert.equal(capped.calls, 30, 'the ceiling holds')
  })

  test('the outcome window counts the last 15 minutes of calls for the pacer', ({ assert }) => {
    const window = new OutcomeWindow()
    window.record('unanswered', 0)
    window.record('answered', 60_000)
    window.record('abandoned', 120_000)
    window.record('unanswered', 120_000)
    assert.deepEqual(window.stats(120_000), { attempts: 4, answered: 2, abandoned: 1 })
    assert.deepEqual(window.stats(15 * 60_000 + 60_000), { attempts: 3, answered: 2, abandoned: 1 })
    assert.deepEqual(window.stats(60 * 60_000), { attempts: 0, answered: 0, abandoned: 0 })
  })

  test('expected excess answers follow the binomial', ({ assert }) => {
    assert.equal(expectedExcess(3, 0.5, 3), 0)
    assert.equal(expectedExcess(4, 1, 2), 2)
    // two lines at 1/2 for one agent: both answer with probability 1/4, one too many
    assert.closeTo(expectedExcess(2, 0.5, 1), 0.25, 1e-12)
  })
})

test.group('telephony pacing: a simulated campaign (20 agents, 30 % answered, 4 h)', () => {
  test('adaptive holds the abandon rate at or below 3 % and keeps agents busier than progressive', ({
    assert,
  }) => {
    const progressive = simulate({ mode: 'progressive' }, campaign)
    const adaptive = simulate({ mode: 'adaptive' }, campaign)
    assert.equal(progressive.abandoned, 0)
    assert.isAbove(adaptive.answered, 1000)
    assert.isAtMost(adaptive.abandonRate, 0.03)
    assert.isAbove(adaptive.occupancy, progressive.occupancy * 1.2)
  })

  test('a fixed ratio high enough to keep agents busy abandons past the target; adaptive under the same ceiling does not', ({
    assert,
  }) => {
    const ratio = simulate({ mode: 'ratio', dialLevel: 4, maxDialLevel: 4 }, campaign)
    const adaptive = simulate({ mode: 'adaptive', maxDialLevel: 4 }, campaign)
    assert.isAbove(ratio.abandonRate, 0.03)
    assert.isAtMost(adaptive.abandonRate, 0.03)
  })

  test('a stricter target (1 %) is held too, at a lower occupancy', ({ assert }) => {
    const strict = simulate({ mode: 'adaptive', targetAbandonRate: 0.01 }, campaign)
    const usual = simulate({ mode: 'adaptive' }, campaign)
    assert.isAtMost(strict.abandonRate, 0.01)
    assert.isBelow(strict.occupancy, usual.occupancy)
  })

  test('the target holds when the answer rate doubles mid-run, for a small team, and for a list that rarely answers', ({
    assert,
  }) => {
    const doubling = simulate(
      { mode: 'adaptive' },
      { ...campaign, seed: 7, answerRate: (second) => (second < 2 * 3600 ? 0.3 : 0.6) }
    )
    const smallTeam = simulate(
      { mode: 'adaptive', maxDialLevel: 6 },
      { ...campaign, agents: 5, seed: 5 }
    )
    const rarelyAnswered = simulate(
      { mode: 'adaptive', maxDialLevel: 10 },
      { ...campaign, answerRate: 0.1, seed: 3 }
    )
    assert.isAtMost(doubling.abandonRate, 0.03)
    assert.isAtMost(smallTeam.abandonRate, 0.03)
    assert.isAtMost(rarelyAnswered.abandonRate, 0.03)
    const progressive = simulate({ mode: 'progressive' }, { ...campaign, answerRate: 0.1, seed: 3 })
    assert.isAbove(rarelyAnswered.occupancy, progressive.occupancy * 1.2)
  })
})
