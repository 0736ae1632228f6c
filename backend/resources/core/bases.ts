import { defineResource, field } from '../define_resource.ts'

const label = (es: string, en: string) => ({ es, en })

/**
 * Bases (issue 14, Parámetros → Bases): every CSV upload of clients is one,
 * and each client it brought carries its `base_id`. A base is made by the
 * upload, never by hand; it is renamed here, exported and deleted with its
 * clients through /api/bases (the deletion keeps clients with history, so
 * it is a permission of its own, `bases.purge`, not this resource's delete).
 */
export const bases = defineResource({
  name: 'bases',
  table: 'bases',
  label: label('Bases', 'Bases'),
  defaultSort: '-id',
  menu: { group: 'parametros' },
  fields: [
    field.id(),
    field.text('name', {
      label: label('Nombre', 'Name'),
      required: true,
      maxLength: 120,
      listable: true,
      sortable: true,
      filterable: true,
      searchable: true,
    }),
    field.relation('campaign_id', {
      label: label('Campaña', 'Campaign'),
      relation: { resource: 'campaigns', labelField: 'name' },
      readOnly: true,
      listable: true,
      filterable: true,
    }),
    field.text('file_name', {
      label: label('Archivo', 'File'),
      readOnly: true,
      listable: true,
    }),
    field.number('rows', {
      label: label('Filas importadas', 'Imported rows'),
      readOnly: true,
      listable: true,
      sortable: true,
    }),
    field.relation('created_by', {
      label: label('Subida por', 'Uploaded by'),
      relation: { resource: 'users', labelField: 'full_name' },
      readOnly: true,
      listable: true,
      filterable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: ['list', 'show', 'update', 'export'],
    supervisor: ['list', 'show', 'update', 'export'],
  },
})
