import { test } from '@japa/runner'
import { dialerGroup } from './helpers.ts'
import db from '@adonisjs/lucid/services/db'
import { signIn } from '#sdk/testing'

const IMPORTS = '/api/r/dialer_dnc/imports'

async function settle(session: Awaited<ReturnType<typeof signIn>>, id: number) {
  for (let poll = 0; poll < 500; poll++) {
    const response = await session.get(`${IMPORTS}/${id}`)
    response.assertStatus(200)
    const job = response.body().data
    if (!['validating', 'importing'].includes(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error('import still running')
}

test.group('dialer: do-not-call list (D4)', (group) => {
  dialerGroup(group, { atMidmorning: false })

  test('numbers are stored in E.164 and prefixes as typed; garbage is a 422 on number', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const typed = await supervisor.post('/api/r/dialer_dnc').json({ number: '+57 300 123 4567' })
    typed.assertStatus(201)
    assert.equal(typed.body().data.number, '+573001234567')
    const prefix = await supervisor
      .post('/api/r/dialer_dnc')
      .json({ number: '+5411', is_prefix: true })
    prefix.assertStatus(201)
    for (const body of [{ number: 'llamame' }, { number: '5411', is_prefix: true }]) {
      const bad = await supervisor.post('/api/r/dialer_dnc').json(body)
      bad.assertStatus(422)
      bad.assertBodyContains({ error: { fields: [{ field: 'number' }] } })
    }
    const agent = await signIn(client, 'agent')
    ;(await agent.get('/api/r/dialer_dnc')).assertStatus(403)
  })

  test('a CSV import rejects garbage rows line by line and imports the valid ones', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = [
      'number,is_prefix,reason',
      '+573001234567,false,Pidió no ser llamado',
      'no es un número,false,basura',
      '+5411,true,Rango del operador',
      '12,true,prefijo sin +',
      '',
    ].join('\n')
    const uploaded = await supervisor
      .post(IMPORTS)
      .file('file', Buffer.from(csv), { filename: 'dnc.csv' })
    uploaded.assertStatus(202)
    const validated = await settle(supervisor, uploaded.body().data.id)
    assert.equal(validated.errorCount, 2)
    assert.sameMembers(
      validated.errors.map(
        (error: { line: number; field: string }) => `${error.line}:${error.field}`
      ),
      ['3:number', '5:number']
    )
    const started = await supervisor
      .post(`${IMPORTS}/${validated.id}/start`)
      .json({ skip_invalid: true })
    started.assertStatus(202)
    const done = await settle(supervisor, validated.id)
    assert.equal(done.createdRows, 2)
    const rows = await db.from('dialer_dnc').orderBy('number')
    assert.deepEqual(
      rows.map((row) => [row.number, Boolean(Number(row.is_prefix))]),
      [
        ['+5411', true],
        ['+573001234567', false],
      ]
    )
  })
})
