import { DateTime } from 'luxon'
import { defineResource, field, toSqlDateTime, type HookContext } from '#sdk'
import { sanitizeScript } from './script_html.ts'

/**
 * One script per campaign (S1): supervisors and administrators write it
 * through the generic REST, agents read the scripts of the campaigns they
 * work. The HTML is sanitized on every write, and every change of title or
 * text bumps `version` and stores a row in `speech_versions` (S4): the
 * generic history shows each save (who, when, old and new text), the
 * versions resource lists them for restoring (a PATCH with the old text).
 */
const scripts = defineResource({
  name: 'speech_scripts',
  table: 'speech_scripts',
  label: { es: 'Guiones', en: 'Scripts' },
  defaultSort: '-updated_at',
  // Parámetros → Speech edits them; agents read theirs in the client page
  menu: false,
  fields: [
    field.id(),
    field.relation('campaign_id', {
      label: { es: 'Campaña', en: 'Campaign' },
      relation: { resource: 'campaigns', labelField: 'name' },
      required: true,
      unique: true,
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.text('title', {
      label: { es: 'Título', en: 'Title' },
      required: true,
      maxLength: 200,
      listable: true,
      filterable: true,
      sortable: true,
      searchable: true,
    }),
    // 256 KB of HTML is a long script; anything bigger is a mistake.
    field.textarea('html', {
      label: { es: 'Texto', en: 'Text' },
      required: true,
      maxLength: 262_144,
    }),
    field.number('version', {
      label: { es: 'Versión', en: 'Version' },
      readOnly: true,
      listable: true,
      sortable: true,
    }),
    field.relation('updated_by', {
      label: { es: 'Editado por', en: 'Edited by' },
      relation: { resource: 'users', labelField: 'full_name' },
      readOnly: true,
      listable: true,
      filterable: true,
    }),
    ...field
      .timestamps()
      .map((timestamp) =>
        timestamp.name === 'updated_at' ? { ...timestamp, listable: true } : timestamp
      ),
  ],
  permissions: {
    admin: ['list', 'show', 'create', 'update', 'delete', 'export'],
    supervisor: ['list', 'show', 'create', 'update', 'delete', 'export'],
    agent: ['list', 'show'],
  },
  scopes: {
    agent: (query, user) =>
      query.whereIn('speech_scripts.campaign_id', (agents) =>
        agents.from('campaign_agents').where('user_id', user.id).select('campaign_id')
      ),
  },
  hooks: {
    beforeCreate(values, hook) {
      values.html = sanitizeScript(String(values.html ?? ''))
      values.version = 1
      values.updated_by = hook.user.id
    },
    afterCreate(row, hook) {
      return saveVersion(row, hook)
    },
    beforeUpdate(values, before, hook) {
      if (values.html !== undefined) values.html = sanitizeScript(String(values.html))
      if (values.title === before.title) delete values.title
      if (values.html === before.html) delete values.html
      if (values.title === undefined && values.html === undefined) return
      values.version = Number(before.version) + 1
      values.updated_by = hook.user.id
    },
    async afterUpdate(row, before, hook) {
      if (Number(row.version) !== Number(before.version)) await saveVersion(row, hook)
    },
  },
})

/**
 * Every saved version of a script, read-only: written by the script's
 * hooks, listed on the script's page, visible when the script is.
 */
const versions = defineResource({
  name: 'speech_script_versions',
  table: 'speech_versions',
  label: { es: 'Versiones del guion', en: 'Script versions' },
  defaultSort: '-version',
  parent: { resource: 'speech_scripts', field: 'script_id' },
  fields: [
    field.id(),
    field.relation('script_id', {
      label: { es: 'Guion', en: 'Script' },
      relation: { resource: 'speech_scripts', labelField: 'title' },
      required: true,
      filterable: true,
    }),
    field.number('version', {
      label: { es: 'Versión', en: 'Version' },
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.text('title', { label: { es: 'Título', en: 'Title' }, listable: true }),
    field.textarea('html', { label: { es: 'Texto', en: 'Text' } }),
    field.relation('author_id', {
      label: { es: 'Autor', en: 'Author' },
      relation: { resource: 'users', labelField: 'full_name' },
      listable: true,
      filterable: true,
    }),
    field.datetime('created_at', {
      label: { es: 'Guardada', en: 'Saved' },
      readOnly: true,
      listable: true,
      sortable: true,
      filterable: true,
    }),
  ],
  permissions: {
    admin: ['list', 'show'],
    supervisor: ['list', 'show'],
  },
})

async function saveVersion(row: Record<string, unknown>, hook: HookContext) {
  await hook.trx
    .insertQuery()
    .table('speech_versions')
    .insert({
      script_id: row.id,
      version: row.version,
      title: row.title,
      html: row.html,
      author_id: hook.user.id,
      created_at: toSqlDateTime(DateTime.utc()),
    })
}

export default [scripts, versions]
