import { defineResource, field } from '../define_resource.ts'
import { CLIENT_RELATION } from './clients.ts'
import { ClientPhoneRules } from '#services/client_phone_rules'

const label = (es: string, en: string) => ({ es, en })
const parent = { resource: 'clients', field: 'client_id' }
const clientField = field.relation('client_id', {
  label: label('Cliente', 'Client'),
  relation: CLIENT_RELATION,
  required: true,
  filterable: true,
})
const everyone = {
  admin: ['list', 'show', 'create', 'update', 'delete', 'export'] as const,
  supervisor: ['list', 'show', 'create', 'update', 'delete', 'export'] as const,
  agent: ['list', 'show', 'create', 'update', 'delete'] as const,
}

/**
 * Phones of a client (C3): E.164, one primary (mirrored on the client card,
 * country included), verified flag. Deleting the primary promotes another.
 */
export const clientPhones = defineResource({
  name: 'client_phones',
  table: 'client_phones',
  label: label('Teléfonos', 'Phones'),
  parent,
  defaultSort: '-is_primary,id',
  fields: [
    field.id(),
    clientField,
    field.phone('e164', {
      label: label('Teléfono', 'Phone'),
      required: true,
      listable: true,
      filterable: true,
    }),
    field.text('country', { label: label('País', 'Country'), readOnly: true, listable: true }),
    field.text('label', { label: label('Etiqueta', 'Label'), maxLength: 40, listable: true }),
    field.boolean('is_primary', {
      label: label('Principal', 'Primary'),
      defaultValue: false,
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.boolean('verified', {
      label: label('Verificado', 'Verified'),
      defaultValue: false,
      listable: true,
      filterable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: [...everyone.admin],
    supervisor: [...everyone.supervisor],
    agent: [...everyone.agent],
  },
  hooks: {
    beforeCreate: (values, hook) => ClientPhoneRules.beforeWrite(values, null, hook),
    afterCreate: (row, hook) => ClientPhoneRules.afterWrite(row, hook),
    beforeUpdate: (values, before, hook) => ClientPhoneRules.beforeWrite(values, before, hook),
    afterUpdate: (row, _before, hook) => ClientPhoneRules.afterWrite(row, hook),
    beforeDelete: (row, hook) => ClientPhoneRules.beforeDelete(row, hook),
  },
})

/**
 * E-mail addresses of a client (C4).
 */
export const clientEmails = defineResource({
  name: 'client_emails',
  table: 'client_emails',
  label: label('Correos', 'E-mails'),
  parent,
  fields: [
    field.id(),
    clientField,
    field.email('email', {
      label: label('Correo', 'E-mail'),
      required: true,
      listable: true,
      filterable: true,
    }),
    field.text('label', { label: label('Etiqueta', 'Label'), maxLength: 40, listable: true }),
    field.boolean('is_primary', {
      label: label('Principal', 'Primary'),
      defaultValue: false,
      listable: true,
    }),
    field.boolean('verified', {
      label: label('Verificado', 'Verified'),
      defaultValue: false,
      listable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: [...everyone.admin],
    supervisor: [...everyone.supervisor],
    agent: [...everyone.agent],
  },
  hooks: {
    beforeCreate: (values) => {
      if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    },
    beforeUpdate: (values) => {
      if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    },
  },
})

/**
 * Postal addresses of a client (C4).
 */
export const clientAddresses = defineResource({
  name: 'client_addresses',
  table: 'client_addresses',
  label: label('Direcciones', 'Addresses'),
  parent,
  fields: [
    field.id(),
    clientField,
    field.text('label', { label: label('Etiqueta', 'Label'), maxLength: 40, listable: true }),
    field.text('line1', {
      label: label('Dirección', 'Address'),
      required: true,
      maxLength: 200,
      listable: true,
    }),
    field.text('line2', { label: label('Complemento', 'Address line 2'), maxLength: 200 }),
    field.text('city', {
      label: label('Ciudad', 'City'),
      maxLength: 100,
      listable: true,
      filterable: true,
    }),
    field.text('region', { label: label('Región', 'Region'), maxLength: 100, listable: true }),
    field.text('postal_code', { label: label('Código postal', 'Postal code'), maxLength: 20 }),
    field.text('country', {
      label: label('País', 'Country'),
      maxLength: 2,
      listable: true,
      filterable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: [...everyone.admin],
    supervisor: [...everyone.supervisor],
    agent: [...everyone.agent],
  },
})
