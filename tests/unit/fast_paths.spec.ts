import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import { DateTime } from 'luxon'
import { isoFromEpoch, presentDateTime, presentRow, presentRows } from '#resources/values'
import type { FieldDefinition, FieldType } from '#resources/types'
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

/** One field of every type, in a set's order, as a list selects them (passwords never). */
function fieldSet(types: FieldType[]) {
  return new Map<string, FieldDefinition>(
    types.map((type) => [
      `f_${type}`,
      {
        name: `f_${type}`,
        type,
        label: { es: type, en: type },
        options: [
          { value: 'a', label: { es: 'a', en: 'a' } },
          { value: 'b', label: { es: 'b', en: 'b' } },
        ],
      },
    ])
  )
}

const EVERY_TYPE: FieldType[] = [
  'number',
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'relation',
]

/** Cells as SQLite and mysql2 hand them out, per type. */
const DRIVER_CELLS: Record<string, unknown[]> = {
  number: [1, '2', 3n, null],
  text: ['x', '', null, 7],
  textarea: ['long\ntext', null],
  email: ['a@b.co', null],
  phone: ['+573001234567', null],
  url: ['https://x.test', null],
  decimal: [1.5, '2.50', '0', null],
  boolean: [1, 0, '1', '0', true, false, null],
  date: ['2026-11-25', '2026-11-25 00:00:00', new Date(Date.UTC(2026, 10, 25)), null],
  datetime: ['2026-11-25 12:00:00', new Date(Date.UTC(2026, 10, 25, 12, 0, 0, 5)), null],
  select: ['a', null],
  multiselect: [',a,b,', ',a,', null],
  relation: [9, '10', null],
  password: ['$scrypt$hash'],
}

function driverRows(fields: Map<string, FieldDefinition>, count: number) {
  const rows: Record<string, unknown>[] = []
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {}
    for (const field of fields.values()) {
      const cells = DRIVER_CELLS[field.type]
      row[field.name] = cells[(i * 7 + field.name.length) % cells.length]
    }
    rows.push(row)
  }
  return rows
}

const copies = (rows: Record<string, unknown>[]) => rows.map((row) => ({ ...row }))

test.group('presentRows', () => {
  test('answers rows of the selected shape as they came, presented as presentRow does', ({
    assert,
  }) => {
    const fields = fieldSet(EVERY_TYPE)
    const rows = driverRows(fields, 40)
    const expected = copies(rows).map((row) => presentRow(fields, row))
    const presented = presentRows(fields, rows)
    assert.strictEqual(presented[0], rows[0])
    assert.equal(JSON.stringify(presented, bigIntText), JSON.stringify(expected, bigIntText))
    assert.deepEqual(presented, expected)
  })

  test('presents rows of any other shape one by one, passwords left out', ({ assert }) => {
    const fields = fieldSet([...EVERY_TYPE, 'password'])
    const withPassword = driverRows(fields, 10)
    const reordered = driverRows(fieldSet(EVERY_TYPE.toReversed()), 10)
    const extra = driverRows(fieldSet(EVERY_TYPE), 10).map((row) => ({ ...row, extra: 1 }))
    const missing = driverRows(fieldSet(EVERY_TYPE.slice(1)), 10)
    for (const rows of [withPassword, reordered, extra, missing]) {
      const expected = copies(rows).map((row) => presentRow(fields, row))
      const presented = presentRows(fields, rows)
      assert.notStrictEqual(presented[0], rows[0])
      assert.equal(JSON.stringify(presented, bigIntText), JSON.stringify(expected, bigIntText))
      assert.notProperty(presented[0], 'f_password')
      assert.notProperty(presented[0], 'extra')
    }
  })

  test('an empty page is an empty page', ({ assert }) => {
    assert.deepEqual(presentRows(fieldSet(EVERY_TYPE), []), [])
  })
})

function bigIntText(_key: string, value: unknown) {
  return typeof value === 'bigint' ? `${value}n` : value
}
