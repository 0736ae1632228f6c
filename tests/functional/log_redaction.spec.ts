import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { truncateAfterEach } from '#tests/helpers/database'
import limiter from '@adonisjs/limiter/services/main'
import { makeUser, signIn } from '#tests/helpers/auth'
import { captureLogs } from '#tests/helpers/logs'

const REFUSED_NAME = 'Choque Forzado'

function sqlite() {
  return db.connection().dialect.name.includes('sqlite')
}

/** Makes the database refuse a row of `table` whose `column` holds `value`. */
async function refuseRows(table: string, column: string, value: string) {
  const name = `tablero_test_refuse_${table}`
  if (sqlite()) {
    await db.rawQuery(
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN NEW.${column} = '${value}'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`
    )
  } else {
    await db.rawQuery(
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW BEGIN
       IF NEW.${column} = '${value}' THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test';
       END IF; END`
    )
  }
  return () => db.rawQuery(`DROP TRIGGER IF EXISTS ${name}`)
}

/** A stored password hash, or a hex digest of a token. */
const SECRET = /\$(scrypt|argon2\w*|bcrypt|2[aby])\$|[0-9a-f]{40,}/i

test.group('Logs: a failed statement never logs its values', (group) => {
  // Triggers are DDL (MySQL commits them): commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => limiter.clear())

  test('a refused user insert logs the error without the password hash', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const allow = await refuseRows('users', 'full_name', REFUSED_NAME)
    const logs = captureLogs()
    try {
      const response = await admin.post('/api/r/users').json({
        full_name: REFUSED_NAME,
        email: 'choque@tablero.test',
        password: 'ClaveSecreta123',
        role: 'agent',
      })
      assert.equal(response.status(), 500)
      await logs.waitFor('refused by the test')
    } finally {
      logs.stop()
      await allow()
    }
    const text = logs.text()
    assert.include(text, 'refused by the test', 'the failure itself is logged')
    assert.notMatch(text, SECRET)
    assert.notInclude(text, 'ClaveSecreta123')
    assert.notInclude(text, 'choque@tablero.test')
  })

  test('a refused token insert logs the error without the token hash', async ({
    client,
    assert,
  }) => {
    const user = await makeUser('supervisor')
    const allow = await refuseRows('auth_access_tokens', 'name', 'refused-token')
    const logs = captureLogs()
    try {
      const response = await client
        .post('/api/auth/tokens')
        .json({ email: user.email, password: 'Secret123!', name: 'refused-token' })
      assert.equal(response.status(), 500)
      await logs.waitFor('refused by the test')
    } finally {
      logs.stop()
      await allow()
    }
    const text = logs.text()
    assert.include(text, 'refused by the test')
    assert.notMatch(text, SECRET)
  })
})
