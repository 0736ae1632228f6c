/**
 * File contents of a new plugin (make:plugin). Kept as plain templates:
 * the anatomy is small and a reader sees exactly what gets written.
 *
 * The plugin imports the core only through `#sdk` (its test through
 * `#sdk/testing`) and declares one resource, so the admin's generic screens
 * (menu, list, filters, form, show, history, export, import) serve it with
 * no frontend code. tests/fixtures/plugins/recordatorios is this scaffold's output,
 * committed: the scaffold test keeps the two identical, and the functional
 * and browser suites run it.
 */
export function pluginScaffold(name: string, now: Date): Record<string, string> {
  const title = name
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ')
  /** resource, table and permission prefix: resource names are snake_case */
  const table = name.replaceAll('-', '_')
  const migration = `${now.getTime()}_create_${table}_table.ts`

  return {
    'plugin.ts': `import { definePlugin } from '#sdk'

/**
 * ${title}: notes about clients, declared as a resource. Its menu entry,
 * list, filters, form, history, export and import come from the resource;
 * \`menu\` is for pages of the plugin's own admin (admin/index.tsx).
 */
export default definePlugin({
  name: '${name}',
  version: '0.1.0',
  label: { es: '${title}', en: '${title}' },
  description: { es: 'Notas sobre los clientes', en: 'Notes about clients' },
  dependsOn: [],
  permissions: [
    {
      key: '${name}.summary',
      label: { es: 'Ver el resumen de ${title}', en: 'See the ${title} summary' },
      roles: ['admin', 'supervisor'],
    },
  ],
  routes: () => import('./backend/routes.ts'),
  resources: () => import('./backend/resources.ts'),
  hooks: { 'client.merging': () => import('./backend/on_client_merging.ts') },
  // A merge moves the merged client's notes to the survivor (the hook above).
  clientTables: { ${table}: 'moved' },
})
`,
    'backend/resources.ts': `import { defineResource, field } from '#sdk'

const label = (es: string, en: string) => ({ es, en })

/**
 * The notes. Every action is a permission \`${table}.<action>\`; the map below
 * gives the roles that hold each one until an admin changes the grants.
 * Agents read only the notes of the clients assigned to them.
 */
export default [
  defineResource({
    name: '${table}',
    table: '${table}',
    label: label('${title}', '${title}'),
    defaultSort: '-id',
    fields: [
      field.id(),
      field.text('title', {
        label: label('Título', 'Title'),
        required: true,
        maxLength: 200,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.select('kind', {
        label: label('Tipo', 'Kind'),
        options: [
          { value: 'call', label: label('Llamada', 'Call') },
          { value: 'email', label: label('Correo', 'Email') },
          { value: 'visit', label: label('Visita', 'Visit') },
        ],
        defaultValue: 'call',
        listable: true,
        filterable: true,
        sortable: true,
      }),
      field.date('due_on', {
        label: label('Para el', 'Due on'),
        listable: true,
        filterable: true,
        sortable: true,
      }),
      field.relation('client_id', {
        label: label('Cliente', 'Client'),
        relation: {
          resource: 'clients',
          labelField: 'first_name',
          labelFields: ['first_name', 'last_name'],
        },
        filterable: true,
      }),
      field.boolean('done', {
        label: label('Hecha', 'Done'),
        defaultValue: false,
        listable: true,
        filterable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
      supervisor: ['list', 'show', 'create', 'update', 'export', 'import'],
      agent: ['list', 'show'],
    },
    scopes: {
      agent: (query, user) =>
        query.whereIn('client_id', (clients) =>
          clients.from('clients').select('id').where('assigned_user_id', user.id)
        ),
    },
  }),
]
`,
    'backend/routes.ts': `import { authorize, type PluginRoutes } from '#sdk'
import db from '@adonisjs/lucid/services/db'

/**
 * Mounted under /api/p/${name}, behind sign-in and the enabled-guard (404
 * PLUGIN_DISABLED while the plugin is off). The resource needs no route:
 * the generic REST serves it at /api/r/${table}.
 */
const routes: PluginRoutes = (router) => {
  /** Open notes per kind: a read that is no resource action, so a permission of its own. */
  router.get('summary', async (ctx) => {
    authorize(ctx, '${name}.summary')
    const rows = await db
      .from('${table}')
      .where('done', false)
      .select('kind')
      .count('* as total')
      .groupBy('kind')
      .orderBy('kind')
    return { data: rows.map((row) => ({ kind: row.kind, open: Number(row.total) })) }
  })
}

export default routes
`,
    'backend/on_client_merging.ts': `import type { PluginHookHandler } from '#sdk'

/**
 * Two clients become one: the merged client's notes follow the survivor,
 * inside the merge's transaction.
 */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}) => {
  const moved = await trx
    .from('${table}')
    .where('client_id', mergedId)
    .update({ client_id: survivorId })
  return { ${table}: Number(moved) }
}

export default onClientMerging
`,
    [`database/migrations/${migration}`]: `import { BaseSchema } from '@adonisjs/lucid/schema'

/** Dates are stored as UTC; \`down\` undoes \`up\` (plugin:rollback runs it). */
export default class extends BaseSchema {
  protected tableName = '${table}'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('title', 200).notNullable()
      table.string('kind', 20).notNullable().defaultTo('call')
      table.date('due_on').nullable()
      table
        .integer('client_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.boolean('done').notNullable().defaultTo(false)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'id'])
      table.index(['kind', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
`,
    [`tests/${name}.spec.ts`]: `import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeClient, plugins, signIn } from '#sdk/testing'

const NOTES = '/api/r/${table}'

test.group('${name} plugin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a supervisor creates a note, then finds it in the filtered list', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient()
    const created = await supervisor.post(NOTES).json({
      title: 'Llamar el lunes',
      kind: 'call',
      due_on: '2026-12-07',
      client_id: clientId,
    })
    created.assertStatus(201)
    assert.containsSubset(created.body().data, {
      title: 'Llamar el lunes',
      kind: 'call',
      due_on: '2026-12-07',
      client_id: clientId,
      done: false,
    })
    ;(await supervisor.post(NOTES).json({ title: 'Enviar la propuesta', kind: 'email' })).assertStatus(
      201
    )

    const list = await supervisor
      .get(NOTES)
      .qs({ filter: JSON.stringify({ field: 'kind', op: 'eq', value: 'call' }) })
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((row: { title: string }) => row.title),
      ['Llamar el lunes']
    )

    const summary = await supervisor.get('/api/p/${name}/summary')
    summary.assertStatus(200)
    assert.deepEqual(summary.body().data, [
      { kind: 'call', open: 1 },
      { kind: 'email', open: 1 },
    ])
  })

  test('refuses a note without a title, naming the field', async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const response = await supervisor.post(NOTES).json({ kind: 'visit' })
    response.assertStatus(422)
    response.assertBodyContains({ error: { fields: [{ field: 'title' }] } })
  })

  test('an agent reads the notes of their clients, and may not create one', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const theirs = await makeClient({ assigned_user_id: agent.user.id })
    const other = await makeClient()
    for (const [title, clientId] of [
      ['Del agente', theirs],
      ['De otro', other],
    ] as const) {
      ;(await supervisor.post(NOTES).json({ title, client_id: clientId })).assertStatus(201)
    }

    const list = await agent.get(NOTES)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((row: { title: string }) => row.title),
      ['Del agente']
    )

    const refused = await agent.post(NOTES).json({ title: 'No', client_id: theirs })
    refused.assertStatus(403)
    refused.assertBodyContains({ error: { code: 'FORBIDDEN' } })
    ;(await agent.get('/api/p/${name}/summary')).assertStatus(403)
  })

  test("a client merge moves the merged client's notes to the survivor", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivorId = await makeClient()
    const mergedId = await makeClient()
    const note = await admin.post(NOTES).json({ title: 'Sigue al cliente', client_id: mergedId })
    note.assertStatus(201)

    const merge = await admin
      .post(\`/api/clients/\${survivorId}/merge\`)
      .json({ otherId: mergedId, survivorId, confirm: true })
    merge.assertStatus(200)
    const moved = await admin.get(\`\${NOTES}/\${note.body().data.id}\`)
    assert.equal(moved.body().data.client_id, survivorId)
  })
})
`,
    'README.md': `# ${title}

Notes about clients: a title, a kind (call, email, visit), a due date, the
client and whether it is done. Generated by \`node ace make:plugin ${name}\`;
replace this paragraph with what the plugin does, for whom, and which
FEATURES.md IDs it covers.

## Resources
- \`${table}\` (table \`${table}\`): served at \`/api/r/${table}\` and by the
  admin's generic screens (list, filters, form, show, history, CSV export
  and import). Agents read only the notes of their assigned clients.

## Routes
- \`GET /api/p/${name}/summary\`: open notes per kind (permission \`${name}.summary\`).

## Permissions
- \`${table}.<action>\` for list, show, create, update, delete, export, import:
  admin all; supervisor all but delete; agent list and show.
- \`${name}.summary\`: admin and supervisor.

## Kernel hooks
- \`client.merging\` moves a merged client's notes to the survivor
  (\`clientTables: { ${table}: 'moved' }\`).

## Events
Emits none; listens to none.

## Tests
\`npm test -- --files <plugin dir>/tests/${name}.spec.ts\`
`,
  }
}
