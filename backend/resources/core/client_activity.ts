import { DateTime } from 'luxon'
import { defineResource, field } from '../define_resource.ts'
import { CLIENT_RELATION } from './clients.ts'
import { TableroError } from '#exceptions/tablero_error'
import { toSqlDateTime } from '#services/audit_log'
import type { WriteOptions } from '../types.ts'
import { presentDateTime } from '../values.ts'

const label = (es: string, en: string) => ({ es, en })
const parent = { resource: 'clients', field: 'client_id' }
const clientField = () =>
  field.relation('client_id', {
    label: label('Cliente', 'Client'),
    relation: CLIENT_RELATION,
    required: true,
    filterable: true,
  })
const all = ['list', 'show', 'create', 'update', 'delete', 'export'] as (
  'list' | 'show' | 'create' | 'update' | 'delete' | 'export'
)[]

/** 64 KB: a note longer than that is a document, attach it instead. */
export const NOTE_MAX_BYTES = 65_536

/**
 * Notes on a client (C10). The author is whoever writes it.
 */
export const clientNotes = defineResource({
  name: 'client_notes',
  table: 'client_notes',
  label: label('Notas', 'Notes'),
  parent,
  defaultSort: '-id',
  fields: [
    field.id(),
    clientField(),
    field.textarea('body', {
      label: label('Nota', 'Note'),
      required: true,
      maxLength: NOTE_MAX_BYTES,
      listable: true,
      searchable: true,
    }),
    field.relation('author_id', {
      label: label('Autor', 'Author'),
      relation: { resource: 'users', labelField: 'full_name' },
      readOnly: true,
      listable: true,
      filterable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: { admin: all, supervisor: all, agent: ['list', 'show', 'create'] },
  hooks: {
    beforeCreate: (values, hook) => {
      if (Buffer.byteLength(String(values.body ?? ''), 'utf8') > NOTE_MAX_BYTES) {
        throw new TableroError('VALIDATION_FAILED', 'body: a note holds at most 64 KB', 422, [
          {
            field: 'body',
            message: 'A note holds at most 64 KB; attach longer texts as a file',
            rule: 'maxBytes',
          },
        ])
      }
      values.author_id = hook.user.id
    },
  },
})

/**
 * A task due in the past is most likely a typo (a year, AM/PM): through
 * the API it is refused (422 on `due_at`, DATE_IN_PAST) unless the user
 * confirms it (`?confirmPast=1`). Imports carry history and keep any date.
 */
function refusePastDue(values: Record<string, unknown>, options: WriteOptions) {
  if (options.source !== 'api' || options.confirmPast) return
  if (typeof values.due_at !== 'string') return
  if (values.due_at >= toSqlDateTime(DateTime.utc())) return
  throw new TableroError(
    'DATE_IN_PAST',
    'The due date is in the past: confirm it to keep it',
    422,
    [{ field: 'due_at', message: 'The due date is in the past', rule: 'confirmPast' }]
  )
}

/**
 * Tasks on a client (C10): due date (overdue shown in red by the admin;
 * a past one only when confirmed), done box with the time it was ticked.
 */
export const clientTasks = defineResource({
  name: 'client_tasks',
  table: 'client_tasks',
  label: label('Tareas', 'Tasks'),
  parent,
  defaultSort: 'done,due_at',
  fields: [
    field.id(),
    clientField(),
    field.text('title', {
      label: label('Tarea', 'Task'),
      required: true,
      maxLength: 200,
      listable: true,
    }),
    field.datetime('due_at', {
      label: label('Vence', 'Due'),
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.boolean('done', {
      label: label('Hecha', 'Done'),
      defaultValue: false,
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.datetime('done_at', {
      label: label('Hecha el', 'Done at'),
      readOnly: true,
      listable: true,
    }),
    field.relation('assigned_user_id', {
      label: label('Responsable', 'Assignee'),
      relation: { resource: 'users', labelField: 'full_name' },
      listable: true,
      filterable: true,
    }),
    field.relation('created_by', {
      label: label('Creada por', 'Created by'),
      relation: { resource: 'users', labelField: 'full_name' },
      readOnly: true,
    }),
    ...field.timestamps(),
  ],
  permissions: { admin: all, supervisor: all, agent: ['list', 'show', 'create', 'update'] },
  hooks: {
    beforeCreate: (values, hook) => {
      refusePastDue(values, hook.options)
      values.created_by = hook.user.id
      values.assigned_user_id ??= hook.user.id
      if (values.done) values.done_at = toSqlDateTime(DateTime.utc())
    },
    beforeUpdate: (values, before, hook) => {
      // only a changed due date is checked: ticking an overdue task done is fine
      if (values.due_at && presentDateTime(values.due_at) !== presentDateTime(before.due_at)) {
        refusePastDue(values, hook.options)
      }
      if (values.done === 1 && !before.done) values.done_at = toSqlDateTime(DateTime.utc())
      if (values.done === 0) values.done_at = null
    },
  },
})

/**
 * Related clients with tags (C13): "cónyuge", "referido", "mismo hogar"…
 */
export const clientRelations = defineResource({
  name: 'client_relations',
  table: 'client_relations',
  label: label('Clientes relacionados', 'Related clients'),
  parent,
  fields: [
    field.id(),
    clientField(),
    field.relation('related_client_id', {
      label: label('Cliente relacionado', 'Related client'),
      relation: CLIENT_RELATION,
      required: true,
      listable: true,
      filterable: true,
    }),
    field.text('tags', {
      label: label('Etiquetas', 'Tags'),
      maxLength: 500,
      listable: true,
      searchable: true,
      help: label('Separadas por comas', 'Comma separated'),
    }),
    field.datetime('created_at', {
      label: label('Creado', 'Created'),
      readOnly: true,
      sortable: true,
    }),
  ],
  permissions: { admin: all, supervisor: all, agent: ['list', 'show', 'create', 'delete'] },
  hooks: {
    beforeCreate: async (values, hook) => {
      if (values.client_id === values.related_client_id) {
        throw new TableroError(
          'VALIDATION_FAILED',
          'related_client_id: a client cannot relate to itself',
          422,
          [{ field: 'related_client_id', message: 'Pick another client', rule: 'different' }]
        )
      }
      const exists = await hook.trx
        .from('clients')
        .where('id', values.related_client_id as number)
        .first()
      if (!exists) {
        throw new TableroError('VALIDATION_FAILED', 'related_client_id: no such client', 422, [
          { field: 'related_client_id', message: 'No such client', rule: 'exists' },
        ])
      }
      values.tags = String(values.tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean)
        .join(', ')
    },
  },
})
