import { defineResource, field, resources, type RowScope } from '#sdk'
import { resultHooks } from './result_hooks.ts'
import { ACTIONS } from './result_rules.ts'
import { gestionHooks } from './gestion_recorder.ts'
import { callbackHooks } from './callback_hooks.ts'
import { ownOrQueue } from './callback_scope.ts'

const ACTION_LABELS = {
  recall: { es: 'Volver a llamar', en: 'Call again' },
  recall_alternate: { es: 'Llamar al teléfono alternativo', en: 'Call the alternate phone' },
  no_action: { es: 'Sin acción', en: 'No action' },
  do_not_call: { es: 'No llamar', en: 'Do not call' },
}

const created = field.datetime('created_at', {
  label: { es: 'Fecha', en: 'Date' },
  readOnly: true,
  listable: true,
  filterable: true,
  sortable: true,
})
const client = field.relation('client_id', {
  label: { es: 'Cliente', en: 'Client' },
  relation: {
    resource: 'clients',
    labelField: 'first_name',
    labelFields: ['first_name', 'last_name'],
  },
  readOnly: true,
  listable: true,
  filterable: true,
})
const campaign = field.relation('campaign_id', {
  label: { es: 'Campaña', en: 'Campaign' },
  relation: { resource: 'campaigns', labelField: 'name' },
  readOnly: true,
  listable: true,
  filterable: true,
  sortable: true,
})
const agent = field.relation('user_id', {
  label: { es: 'Agente', en: 'Agent' },
  relation: { resource: 'users', labelField: 'full_name' },
  readOnly: true,
  listable: true,
  filterable: true,
  sortable: true,
})

/** An agent reads the rows of the clients it sees (assigned to it), whoever wrote them. */
const ofVisibleClients: RowScope = (query, user) =>
  query.whereIn('client_id', resources.visibleKeys('clients', user))

/**
 * Gestiones and callbacks as declared resources: supervisors get the
 * generic list, filters (agent, campaign, date), sort, export and show
 * with no admin code. Agents read the gestiones of the clients they see
 * (the client page's history) and their own callbacks. Both are written
 * only by the plugin's endpoints (the gestión recorder, "Quitar"), so no
 * role may create, update or delete them through the generic REST. Their
 * writes are filed in the client's log too (auditSubject).
 */
export default [
  /**
   * The result tree (T1–T4), each result under its parent. Read here (list,
   * filters, export, history); created by the engine from the tree
   * editor's endpoints (one result in several campaigns, the CSV import),
   * changed and deleted through the generic REST; the hooks keep the tree
   * rules (result_hooks.ts).
   */
  defineResource({
    name: 'tip_results',
    table: 'tip_results',
    label: { es: 'Resultados de tipificación', en: 'Disposition results' },
    defaultSort: 'campaign_id,level,sort_order',
    // the tree editor (Parámetros → Tipificaciones) shows them
    menu: false,
    fields: [
      field.id(),
      campaign,
      field.relation('parent_id', {
        label: { es: 'Resultado padre', en: 'Parent result' },
        relation: { resource: 'tip_results', labelField: 'name' },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.number('level', {
        label: { es: 'Nivel', en: 'Level' },
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
      }),
      field.text('name', {
        label: { es: 'Nombre', en: 'Name' },
        required: true,
        maxLength: 120,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.select('action', {
        label: { es: 'Acción', en: 'Action' },
        options: ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
        listable: true,
        filterable: true,
      }),
      field.boolean('allows_scheduling', {
        label: { es: 'Permite agendar', en: 'Allows scheduling' },
        listable: true,
        filterable: true,
      }),
      field.boolean('delete_scheduled', {
        label: { es: 'Borra agendados', en: 'Deletes scheduled' },
      }),
      field.decimal('gamification_measure', {
        label: { es: 'Medida de gamificación', en: 'Gamification measure' },
        min: -100000,
        max: 100000,
      }),
      field.number('sort_order', {
        label: { es: 'Orden', en: 'Order' },
        min: 0,
        max: 10000,
        sortable: true,
      }),
      field.boolean('active', {
        label: { es: 'Activo', en: 'Active' },
        listable: true,
        filterable: true,
      }),
      ...field.timestamps(),
    ],
    // created through POST /api/p/tipificaciones/results (one result in many campaigns)
    // by the permission tipificaciones.manage
    permissions: {
      admin: ['list', 'show', 'update', 'delete', 'export'],
      supervisor: ['list', 'show', 'update', 'delete', 'export'],
    },
    hooks: resultHooks,
  }),
  defineResource({
    name: 'tip_gestiones',
    table: 'tip_gestiones',
    label: { es: 'Gestiones', en: 'Call outcomes' },
    defaultSort: '-created_at',
    // agents read them in the client page and their home
    menu: { group: 'estadisticas', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      created,
      agent,
      // written from the agent's form only (no role has the generic create)
      { ...campaign, readOnly: false },
      { ...client, readOnly: false },
      field.text('result_path', {
        label: { es: 'Resultado', en: 'Result' },
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.relation('result_id', {
        label: { es: 'Resultado (id)', en: 'Result (id)' },
        relation: { resource: 'tip_results', labelField: 'name' },
        readOnly: true,
        filterable: true,
      }),
      field.textarea('notes', { label: { es: 'Notas', en: 'Notes' }, maxLength: 5000 }),
      field.datetime('callback_at', {
        label: { es: 'Volver a llamar', en: 'Call back at' },
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
      }),
      field.phone('alternate_phone', {
        label: { es: 'Teléfono alternativo', en: 'Alternate phone' },
        readOnly: true,
      }),
      field.boolean('for_me', {
        label: { es: 'Para mí', en: 'For me' },
        readOnly: true,
        filterable: true,
      }),
    ],
    permissions: {
      admin: ['list', 'show', 'export'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    hooks: gestionHooks,
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    // agents do not read tip_results: the path names the result for them
    fieldsByRole: {
      agent: [
        'id',
        'created_at',
        'user_id',
        'campaign_id',
        'client_id',
        'result_path',
        'notes',
        'callback_at',
        'alternate_phone',
        'for_me',
      ],
    },
  }),
  defineResource({
    name: 'tip_callbacks',
    table: 'tip_callbacks',
    label: { es: 'Rellamadas', en: 'Callbacks' },
    defaultSort: 'due_at',
    menu: { group: 'agenda', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      field.datetime('due_at', {
        label: { es: 'Vence', en: 'Due' },
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
      }),
      agent,
      campaign,
      client,
      field.phone('phone', {
        label: { es: 'Teléfono', en: 'Phone' },
        readOnly: true,
        listable: true,
      }),
      field.select('status', {
        label: { es: 'Estado', en: 'Status' },
        options: [
          { value: 'pending', label: { es: 'Pendiente', en: 'Pending' } },
          { value: 'removed', label: { es: 'Quitada', en: 'Removed' } },
        ],
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.relation('gestion_id', {
        label: { es: 'Gestión', en: 'Call outcome' },
        relation: { resource: 'tip_gestiones', labelField: 'result_path' },
        readOnly: true,
      }),
      field.text('notes', {
        label: { es: 'Notas', en: 'Notes' },
        readOnly: true,
        maxLength: 500,
      }),
      { ...created, label: { es: 'Creada', en: 'Created' }, listable: false },
      field.datetime('updated_at', {
        label: { es: 'Actualizada', en: 'Updated' },
        readOnly: true,
        sortable: true,
      }),
    ],
    // Written by tipificaciones.record from the agenda's endpoints (callback_hooks.ts):
    // agenda events, "Quitar", taking one from the queue, moving and reassigning.
    permissions: {
      admin: ['list', 'show', 'export'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    // an agent: its own callbacks and its campaigns' shared queue
    scopes: { agent: ownOrQueue },
    hooks: callbackHooks,
    auditSubject: { resource: 'clients', field: 'client_id' },
  }),
]
