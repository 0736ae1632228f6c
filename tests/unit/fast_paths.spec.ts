import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import { DateTime } from 'luxon'
import { isoFromEpoch, presentDateTime } from '#resources/values'
import { cachePreparedStatements } from '#services/sqlite_statement_cache'

/** What the API printed before the hand-written formatter: luxon's answer. */
function viaLuxon(value: unknown) {
  const parsed =
    value instanceof Date
      ? DateTime.fromJSDate(value, { zone: 'utc' })
      : DateTime.fromSQL(String(value), { zone: 'utc' })
  return parsed.isValid ? parsed.toISO({ suppressMilliseconds: true }) : String(value)
}

test.group('presentDateTime', () => {
  test('formats stored date-times exactly as luxon did', ({ assert }) => {
    const samples: unknown[] = [
      '2026-11-25 12:00:00',
      '2026-11-25 12:00:00.123',
      '2026-11-25 12:00:00.1',
      '2026-11-25 12:00:00.123456',
      '2026-11-25 12:00',
      '2024-02-29 23:59:59',
      '2023-02-29 10:00:00',
      '1900-02-29 10:00:00',
      '2000-02-29 10:00:00',
      '2026-04-31 10:00:00',
      '2026-11-25 12:60:00',
      '2026-11-25 12:00:60',
      '2026-00-10 12:00:00',
      '2026-11-00 12:00:00',
      '2026-02-30 10:00:00',
      '2026-13-01 10:00:00',
      '2026-11-25 24:00:00',
      '2026-11-25T12:00:00',
      '2026-11-25 12:00:0x',
      '2026-11-25 1a:00:00',
      '2026/11/25 12:00:00',
      '2026-11-25 12:00:00 ',
      '0000-01-01 00:00:00',
      '0999-12-31 23:59:59',
      '2100-02-29 10:00:00',
      '2400-02-29 10:00:00',
      '2026-06-31 10:00:00',
      '2026-12-31 23:59:59',
      'garbage',
      '',
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 0)),
      new Date(Number.NaN),
      new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 999)),
      new Date(0),
      new Date(Date.UTC(2000, 1, 29, 12)),
      new Date(Date.UTC(2100, 2, 1)),
      new Date(Date.UTC(1600, 1, 29, 0, 0, 0, 10)),
      new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
    ]
    // and a year of random instants, every millisecond shape
    let seed = 7
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      const date = new Date(Date.UTC(2000, 0, 1) + seed * 400)
      samples.push(date, date.toISOString().replace('T', ' ').replace('Z', ''))
      samples.push(date.toISOString().slice(0, 19).replace('T', ' '))
    }
    for (const sample of samples) {
      assert.equal(presentDateTime(sample), viaLuxon(sample), String(sample))
    }
  })
})

test.group('isoFromEpoch', () => {
  test('is Date#toISOString without zero milliseconds, from year 0 to 9999', ({ assert }) => {
    const first = new Date('0000-01-01T00:00:00Z').getTime()
    const last = new Date('9999-12-31T23:59:59.999Z').getTime()
    const instants = [first, last, 0, -1, 1, 951_782_400_000, 4_107_542_400_000]
    let seed = 11
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      const instant = first + Math.floor((seed / 2 ** 31) * (last - first))
      // every fourth on a whole second, as most stored values are
      instants.push(i % 4 === 0 ? instant - (((instant % 1000) + 1000) % 1000) : instant)
    }
    for (const instant of instants) {
      const iso = new Date(instant).toISOString()
      assert.equal(isoFromEpoch(instant), iso.replace('.000Z', 'Z'), iso)
    }
  })
})

test.group('SQLite statement cache', () => {
  test('reuses a prepared statement and still sees schema changes', ({ assert }) => {
    const db = cachePreparedStatements(new Database(':memory:'), 2)
    db.prepare('create table t (id integer primary key, a text)').run()
    db.prepare('insert into t (a) values (?)').run('x')
    const first = db.prepare('select * from t')
    assert.strictEqual(db.prepare('select * from t'), first)
    db.prepare('alter table t add column b text').run()
    assert.deepEqual(db.prepare('select * from t').all(), [{ id: 1, a: 'x', b: null }])
    db.close()
  })

  test('keeps at most the given number, the least recently used goes', ({ assert }) => {
    const db = cachePreparedStatements(new Database(':memory:'), 2)
    const one = db.prepare('select 1')
    db.prepare('select 2')
    db.prepare('select 1')
    db.prepare('select 3')
    assert.strictEqual(db.prepare('select 1'), one)
    db.close()
  })

  test('a statement still iterating is not handed out again', ({ assert }) => {
    const db = cachePreparedStatements(new Database(':memory:'))
    db.exec('create table t (id integer primary key); insert into t values (1), (2)')
    const outer = db.prepare('select id from t')
    const seen: number[] = []
    for (const row of outer.iterate() as Iterable<{ id: number }>) {
      const inner = db.prepare('select id from t')
      assert.notStrictEqual(inner, outer)
      seen.push(row.id, (inner.all() as Array<{ id: number }>).length)
    }
    assert.deepEqual(seen, [1, 2, 2, 2])
    db.close()
  })

  test('resets safeIntegers left on by an earlier query', ({ assert }) => {
    const db = cachePreparedStatements(new Database(':memory:'))
    db.prepare('select 1 as n').safeIntegers(true)
    assert.deepEqual(db.prepare('select 1 as n').get(), { n: 1 })
    db.close()
  })
})
