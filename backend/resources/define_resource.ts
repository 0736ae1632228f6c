import type { FieldDefinition, ResourceDefinition } from './types.ts'

/**
 * Declares a resource. Identity at run time; the registry checks it when
 * it is registered (unknown relation targets, duplicate fields…).
 */
export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  return definition
}

type FieldOptions = Omit<FieldDefinition, 'name' | 'type'>

/**
 * Field builders: `field.text('full_name', { label, required: true })`.
 */
export const field = {
  id: (name = 'id', options: Partial<FieldOptions> = {}): FieldDefinition => ({
    name,
    type: 'number',
    label: { es: 'ID', en: 'ID' },
    readOnly: true,
    listable: true,
    filterable: true,
    sortable: true,
    ...options,
  }),
  text: (name: string, options: FieldOptions) => build(name, 'text', options),
  textarea: (name: string, options: FieldOptions) => build(name, 'textarea', options),
  email: (name: string, options: FieldOptions) => build(name, 'email', options),
  phone: (name: string, options: FieldOptions) => build(name, 'phone', options),
  url: (name: string, options: FieldOptions) => build(name, 'url', options),
  number: (name: string, options: FieldOptions) => build(name, 'number', options),
  decimal: (name: string, options: FieldOptions) => build(name, 'decimal', options),
  boolean: (name: string, options: FieldOptions) => build(name, 'boolean', options),
  date: (name: string, options: FieldOptions) => build(name, 'date', options),
  datetime: (name: string, options: FieldOptions) => build(name, 'datetime', options),
  select: (name: string, options: FieldOptions & Required<Pick<FieldDefinition, 'options'>>) =>
    build(name, 'select', options),
  relation: (name: string, options: FieldOptions & Required<Pick<FieldDefinition, 'relation'>>) =>
    build(name, 'relation', options),
  /**
   * Many-to-many: the ids of the records linked through a link table
   * (`through`), read as a list, written as the whole set.
   */
  relations: (
    name: string,
    options: FieldOptions & Required<Pick<FieldDefinition, 'relation' | 'through'>>
  ) => build(name, 'relations', options),
  timestamps: (): FieldDefinition[] => [
    build('created_at', 'datetime', {
      label: { es: 'Creado', en: 'Created' },
      readOnly: true,
      sortable: true,
      filterable: true,
    }),
    build('updated_at', 'datetime', {
      label: { es: 'Actualizado', en: 'Updated' },
      readOnly: true,
      sortable: true,
      filterable: true,
    }),
  ],
}

function build(
  name: string,
  type: FieldDefinition['type'],
  options: FieldOptions
): FieldDefinition {
  return { name, type, ...options }
}
