import { test } from '@japa/runner'
import { dealClients } from '#services/assignments/client_assigner'

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i)

test.group('Asignaciones: sharing clients out (D2)', () => {
  test('100 clients to 5 agents is 20 each, every client once', ({ assert }) => {
    const shares = dealClients(range(100), [11, 12, 13, 14, 15])
    assert.deepEqual(
      [...shares.values()].map((share) => share.length),
      [20, 20, 20, 20, 20]
    )
    assert.deepEqual(
      [...shares.values()].flat().sort((a, b) => a - b),
      range(100)
    )
  })

  test('the remainder goes one client at a time to agents drawn at random', ({ assert }) => {
    const luckyOnes = new Set<number>()
    for (let run = 0; run < 50; run++) {
      const shares = dealClients(range(103), [1, 2, 3, 4, 5])
      const sizes = [...shares.values()].map((share) => share.length).sort()
      assert.deepEqual(sizes, [20, 20, 21, 21, 21])
      for (const [agent, share] of shares) if (share.length === 21) luckyOnes.add(agent)
    }
    // Over 50 deals the extra clients did not always land on the same three agents.
    assert.isAbove(luckyOnes.size, 3)
  })

  test('which agent gets which client is random, each share in ascending order', ({ assert }) => {
    const first = dealClients(range(60), [1, 2, 3]).get(1)!
    let differs = false
    for (let run = 0; run < 10 && !differs; run++) {
      differs = dealClients(range(60), [1, 2, 3]).get(1)!.join() !== first.join()
    }
    assert.isTrue(differs)
    assert.deepEqual(
      first,
      [...first].sort((a, b) => a - b)
    )
  })
})
