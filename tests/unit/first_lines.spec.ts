import { test } from '@japa/runner'
import { FirstLines } from '#resources/imports/first_lines'

test.group('FirstLines', () => {
  test('remembers the first line of each of 300,000 values, past many growths', ({ assert }) => {
    const lines = new FirstLines()
    for (let i = 0; i < 300_000; i++) lines.set(`cliente${i}@bench.test`, i + 2)
    // A later line never replaces the first.
    lines.set('cliente7@bench.test', 999_999)
    assert.equal(lines.size, 300_000)
    for (const i of [0, 7, 4095, 4096, 150_000, 299_999]) {
      assert.equal(lines.get(`cliente${i}@bench.test`), i + 2)
    }
    for (const absent of ['cliente300000@bench.test', 'Cliente7@bench.test', '', 'x']) {
      assert.isUndefined(lines.get(absent))
    }
  })

  test('no two of a million similar values share a fingerprint', ({ assert }) => {
    const lines = new FirstLines()
    for (let i = 0; i < 1_000_000; i++) lines.set(`1\u0000+573${String(i).padStart(9, '0')}`, i + 2)
    assert.equal(lines.size, 1_000_000)
  })
})
