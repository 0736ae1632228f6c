import { defineResource, field } from '../define_resource.ts'

const label = (es: string, en: string) => ({ es, en })

/**
 * Users as a read-only resource: the admin resolves relation labels
 * ("assigned user") and lists the team from it. Creating, editing and
 * signing users out goes through /api/users (passwords, sessions).
 */
export const users = defineResource({
  name: 'users',
  table: 'users',
  label: label('Usuarios', 'Users'),
  defaultSort: 'full_name',
  fields: [
    field.id(),
    field.text('full_name', {
      label: label('Nombre', 'Name'),
      listable: true,
      sortable: true,
      filterable: true,
      searchable: true,
      readOnly: true,
    }),
    field.email('email', {
      label: label('Correo', 'E-mail'),
      listable: true,
      filterable: true,
      searchable: true,
      readOnly: true,
    }),
    field.select('role', {
      label: label('Rol', 'Role'),
      options: [
        { value: 'admin', label: label('Administrador', 'Administrator') },
        { value: 'supervisor', label: label('Supervisor', 'Supervisor') },
        { value: 'agent', label: label('Agente', 'Agent') },
      ],
      listable: true,
      filterable: true,
      readOnly: true,
    }),
    field.boolean('active', {
      label: label('Activo', 'Active'),
      listable: true,
      filterable: true,
      readOnly: true,
    }),
  ],
  permissions: {
    admin: ['list', 'show', 'export'],
    supervisor: ['list', 'show'],
    agent: ['list', 'show'],
  },
})
