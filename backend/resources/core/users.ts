import { defineResource, field } from '../define_resource.ts'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { UserRules } from '#services/user_rules'

const label = (es: string, en: string) => ({ es, en })

/**
 * Users (K9), managed by admins through the generic screens: create with
 * a password (hashed, never read back), change role, deactivate (ends
 * sessions). Agents read only the names of their campaigns' colleagues. Signing a
 * user out everywhere is POST /api/users/:id/logout-everywhere.
 */
export const users = defineResource({
  name: 'users',
  table: 'users',
  label: label('Usuarios', 'Users'),
  defaultSort: 'full_name',
  // others read users to name them (assignee, agent); managing them is the admin's
  menu: { group: 'administracion', roles: ['admin'] },
  fields: [
    field.id(),
    field.text('full_name', {
      label: label('Nombre', 'Name'),
      required: true,
      maxLength: 150,
      listable: true,
      sortable: true,
      filterable: true,
      searchable: true,
    }),
    field.email('email', {
      label: label('Correo', 'E-mail'),
      required: true,
      unique: true,
      listable: true,
      filterable: true,
      searchable: true,
    }),
    {
      name: 'password',
      type: 'password',
      label: label('Contraseña', 'Password'),
      help: label(
        'Al menos 8 caracteres, con letras y números',
        'At least 8 characters, letters and digits'
      ),
    },
    field.select('role', {
      label: label('Rol', 'Role'),
      required: true,
      options: [
        { value: 'admin', label: label('Administrador', 'Administrator') },
        { value: 'supervisor', label: label('Supervisor', 'Supervisor') },
        { value: 'agent', label: label('Agente', 'Agent') },
      ],
      listable: true,
      filterable: true,
    }),
    field.boolean('active', {
      label: label('Activo', 'Active'),
      defaultValue: true,
      listable: true,
      filterable: true,
    }),
    field.select('locale', {
      label: label('Idioma', 'Language'),
      options: [
        { value: 'es', label: label('Español', 'Spanish') },
        { value: 'en', label: label('Inglés', 'English') },
      ],
      defaultValue: 'es',
    }),
    field.text('timezone', {
      label: label('Zona horaria', 'Time zone'),
      maxLength: 64,
      defaultValue: 'America/Bogota',
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: ['list', 'show', 'create', 'update', 'export'],
    supervisor: ['list', 'show'],
    agent: ['list', 'show'],
  },
  // An agent sees the names of the colleagues of its campaigns (and its
  // own): enough to label "assigned user", nothing of the directory.
  scopes: { agent: (query, user) => colleaguesOf(query, user.id) },
  fieldsByRole: { agent: ['full_name'] },
  hooks: {
    beforeCreate: (values) => UserRules.beforeCreate(values),
    beforeUpdate: (values, before, hook) => UserRules.beforeUpdate(values, before, hook),
    afterUpdate: (row, before, hook) => UserRules.afterUpdate(row, before, hook),
  },
})

function colleaguesOf(query: DatabaseQueryBuilderContract, userId: number) {
  query
    .where('id', userId)
    .orWhereIn('id', (colleagues: DatabaseQueryBuilderContract) =>
      colleagues
        .from('campaign_agents as theirs')
        .join('campaign_agents as mine', 'mine.campaign_id', 'theirs.campaign_id')
        .where('mine.user_id', userId)
        .select('theirs.user_id')
    )
}
