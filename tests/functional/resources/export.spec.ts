import { test } from '@japa/runner'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { seedGreetings } from '#tests/helpers/greetings'

/**
 * The CSV export streams from a separate reader on SQLite, which cannot see
 * a test's open transaction: this group commits and truncates instead.
 */
test.group('Resource engine: CSV export', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('exports the filtered, sorted list as CSV', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings([
      { message: 'Hola, "Ana"', priority: 2, send_on: '2026-12-24' },
      { message: 'Hello', language: 'en', priority: 1 },
      { message: '=HYPERLINK("http://evil")', priority: 3 },
    ])
    const response = await admin.get('/api/r/greetings/export.csv').qs({
      headers: 'keys',
      lang: 'es',
      sort: '-priority',
      filter: JSON.stringify({ field: 'language', op: 'eq', value: 'es' }),
    })
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(response.header('content-disposition'), 'greetings.csv')
    const lines = response
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(
      lines[0],
      'id,message,language,priority,score,urgent,send_on,owner_id,lists,created_at,updated_at'
    )
    assert.lengthOf(lines, 3, lines.join('\n'))
    // Values as the supervisor reads them (issue 20.10): an option's and a boolean's labels.
    assert.match(lines[1], /^\d+,"'=HYPERLINK\(""http:\/\/evil""\)",Español,3,,No,,,,/)
    assert.match(lines[2], /^\d+,"Hola, ""Ana""",Español,2,,No,2026-12-24,,/)
  })

  test('exports thousands of rows in one stream', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings(
      Array.from({ length: 3000 }, (_, i) => ({ message: `m${i}`, priority: (i % 5) + 1 }))
    )
    const response = await admin.get('/api/r/greetings/export.csv')
    response.assertStatus(200)
    const lines = response.text().trim().split('\r\n')
    assert.lengthOf(lines, 3001)
  })

  test('an invalid filter is refused before the download starts', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.get('/api/r/greetings/export.csv').qs({ sort: 'nope' })
    response.assertStatus(422)
  })
})
