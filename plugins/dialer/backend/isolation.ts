import db from '@adonisjs/lucid/services/db'

/**
 * The dialer's transactions that write contacts run read committed on
 * MySQL: a write then locks the rows it changes and never the gaps of the
 * index it searched by. At MySQL's default (repeatable read) a no-answer's
 * update of its contact, found through the (claimed_by, status) index,
 * locked the gap that every other agent's claimed contact enters, and the
 * claims queued behind it; a claim's locking read would also lock the
 * hopper's gaps that the refill inserts into. SQLite has one writer and
 * no isolation levels to set.
 */
export function dialerIsolation() {
  return db.connection().dialect.name === 'mysql'
    ? { isolationLevel: 'read committed' as const }
    : undefined
}
