/**
 * Every text of the supervisor screen, in both languages. The SDK offers no way for a plugin to
 * add keys to the shell's i18next bundles, so the plugin keeps its own keyed `{ es, en }` texts
 * and reads them through the SDK's `useLocalize` (see use_messages.ts). `{name}` placeholders
 * are filled by the caller.
 */
export const MESSAGES = {
  'common.cancel': { es: 'Cancelar', en: 'Cancel' },
  'common.save': { es: 'Guardar', en: 'Save' },
  'common.yes': { es: 'Sí', en: 'Yes' },
  'common.no': { es: 'No', en: 'No' },
  'common.required': { es: 'Este dato es obligatorio', en: 'This is required' },
  'common.actions': { es: 'Acciones', en: 'Actions' },
  'common.edit': { es: 'Editar', en: 'Edit' },
  'common.retire': { es: 'Retirar', en: 'Retire' },
  'common.restore': { es: 'Restaurar', en: 'Restore' },

  'status.active': { es: 'Activo', en: 'Active' },
  'status.retired': { es: 'Retirado', en: 'Retired' },

  'profiles.title': { es: 'Perfiles y campos', en: 'Profiles and fields' },
  'profiles.intro': {
    es: 'Cada perfil agrega sus propios campos a la ficha de los clientes de sus campañas.',
    en: 'Each profile adds its own fields to the card of the clients of its campaigns.',
  },
  'profiles.new': { es: 'Nuevo perfil', en: 'New profile' },
  'profiles.empty': { es: 'Todavía no hay perfiles', en: 'No profiles yet' },
  'profiles.name': { es: 'Perfil', en: 'Profile' },
  'profiles.campaigns': { es: 'Campañas', en: 'Campaigns' },
  'profiles.status': { es: 'Estado', en: 'Status' },
  'profiles.fields': { es: 'Campos', en: 'Fields' },
  'profiles.noCampaigns': { es: 'Sin campañas', en: 'No campaigns' },
  'profiles.retiredFields': { es: '+{count} retirados', en: '+{count} retired' },
  'profiles.openFields': { es: 'Campos', en: 'Fields' },

  'profile.createTitle': { es: 'Nuevo perfil', en: 'New profile' },
  'profile.editTitle': { es: 'Editar el perfil «{name}»', en: 'Edit profile “{name}”' },
  'profile.nameLength': { es: 'Entre 2 y 120 caracteres', en: 'Between 2 and 120 characters' },
  'profile.retireTitle': { es: '¿Retirar el perfil «{name}»?', en: 'Retire profile “{name}”?' },
  'profile.retireText': {
    es: 'Sus campos dejan de verse en fichas, listas, filtros y exportaciones. Los valores guardados se conservan y vuelven a verse si lo restaura.',
    en: 'Its fields stop showing on cards, lists, filters and exports. Stored values are kept and show again if you restore it.',
  },
  'profile.retired': { es: 'Perfil «{name}» retirado', en: 'Profile “{name}” retired' },
  'profile.restored': { es: 'Perfil «{name}» restaurado', en: 'Profile “{name}” restored' },
  'profile.isRetired': {
    es: 'Este perfil está retirado: los agentes no ven sus campos hasta que lo restaure.',
    en: 'This profile is retired: agents do not see its fields until you restore it.',
  },

  'fields.title': { es: 'Campos de «{name}»', en: 'Fields of “{name}”' },
  'fields.back': { es: 'Perfiles', en: 'Profiles' },
  'fields.add': { es: 'Agregar campo', en: 'Add field' },
  'fields.empty': {
    es: 'Este perfil todavía no tiene campos',
    en: 'This profile has no fields yet',
  },
  'fields.dragHint': {
    es: 'Arrastre las filas para cambiar el orden en que el agente ve los campos.',
    en: 'Drag the rows to change the order in which the agent sees the fields.',
  },
  'fields.field': { es: 'Campo', en: 'Field' },
  'fields.required': { es: 'Obligatorio', en: 'Required' },
  'fields.group': { es: 'Grupo', en: 'Group' },
  'fields.drag': { es: 'Arrastrar para ordenar', en: 'Drag to reorder' },
  'fields.moveUp': { es: 'Subir', en: 'Move up' },
  'fields.moveDown': { es: 'Bajar', en: 'Move down' },
  'fields.reordered': { es: 'Orden guardado', en: 'Order saved' },
  'fields.changeType': { es: 'Cambiar tipo', en: 'Change type' },
  'fields.retireTitle': { es: '¿Retirar el campo «{label}»?', en: 'Retire field “{label}”?' },
  'fields.retireText': {
    es: 'Deja de verse en fichas, listas, filtros y exportaciones. Los valores de los clientes se conservan y vuelven a verse si lo restaura.',
    en: 'It stops showing on cards, lists, filters and exports. Client values are kept and show again if you restore it.',
  },
  'fields.retired': { es: 'Campo «{label}» retirado', en: 'Field “{label}” retired' },
  'fields.restored': { es: 'Campo «{label}» restaurado', en: 'Field “{label}” restored' },

  'field.createTitle': { es: 'Nuevo campo', en: 'New field' },
  'fields.history': { es: 'Historial', en: 'History' },
  'field.editTitle': { es: 'Editar el campo «{label}»', en: 'Edit field “{label}”' },
  'field.key': { es: 'Clave', en: 'Key' },
  'field.keyHelp': {
    es: 'Nombre de la columna en la base de datos; no se puede cambiar después.',
    en: 'Name of the database column; it cannot be changed later.',
  },
  'field.keyFormat': {
    es: 'Use de 2 a 40 minúsculas, números o _, empezando por una letra',
    en: 'Use 2 to 40 lower-case letters, digits or _, starting with a letter',
  },
  'field.fixed': {
    es: 'La clave y el tipo no se editan aquí: el tipo se cambia con «Cambiar tipo».',
    en: 'Key and type are not edited here: change the type with “Change type”.',
  },
  'field.type': { es: 'Tipo', en: 'Type' },
  'field.labelEs': { es: 'Etiqueta (español)', en: 'Label (Spanish)' },
  'field.labelEn': { es: 'Etiqueta (inglés)', en: 'Label (English)' },
  'field.helpEs': { es: 'Ayuda (español)', en: 'Help (Spanish)' },
  'field.helpEn': { es: 'Ayuda (inglés)', en: 'Help (English)' },
  'field.helpBoth': {
    es: 'Escriba la ayuda en los dos idiomas o en ninguno',
    en: 'Write the help in both languages or in neither',
  },
  'field.required': { es: 'Obligatorio', en: 'Required' },
  'field.requiredHelp': {
    es: 'Para los clientes de las campañas del perfil',
    en: 'For the clients of the profile’s campaigns',
  },
  'field.defaultValue': { es: 'Valor por defecto', en: 'Default value' },
  'field.group': { es: 'Grupo', en: 'Group' },
  'field.groupHelp': {
    es: 'Los campos del mismo grupo se muestran juntos',
    en: 'Fields of the same group are shown together',
  },
  'field.min': { es: 'Mínimo', en: 'Minimum' },
  'field.max': { es: 'Máximo', en: 'Maximum' },
  'field.maxBelowMin': {
    es: 'El máximo es menor que el mínimo',
    en: 'The maximum is below the minimum',
  },
  'field.options': { es: 'Opciones', en: 'Options' },
  'field.optionValue': { es: 'Valor', en: 'Value' },
  'field.optionLabelEs': { es: 'Texto (español)', en: 'Text (Spanish)' },
  'field.optionLabelEn': { es: 'Texto (inglés)', en: 'Text (English)' },
  'field.addOption': { es: 'Agregar opción', en: 'Add option' },
  'field.removeOption': { es: 'Quitar opción', en: 'Remove option' },
  'field.optionsRequired': { es: 'Agregue al menos una opción', en: 'Add at least one option' },
  'field.optionFormat': {
    es: 'Letras, números, _ . o -, sin espacios ni comas',
    en: 'Letters, digits, _ . or -, no spaces or commas',
  },
  'field.created': { es: 'Campo «{label}» agregado', en: 'Field “{label}” added' },
  'field.saved': { es: 'Campo «{label}» guardado', en: 'Field “{label}” saved' },

  'changeType.title': { es: 'Cambiar el tipo de «{label}»', en: 'Change the type of “{label}”' },
  'changeType.current': { es: 'Tipo actual: {type}', en: 'Current type: {type}' },
  'changeType.target': { es: 'Nuevo tipo', en: 'New type' },
  'changeType.warning': {
    es: 'Se convierten todos los valores guardados de los clientes. Si alguno no puede convertirse, no se cambia nada y se indica cuántos son.',
    en: 'Every stored client value is converted. If any cannot be converted, nothing changes and you are told how many.',
  },
  'changeType.submit': { es: 'Cambiar tipo', en: 'Change type' },
  'changeType.refused': { es: 'No se cambió el tipo', en: 'The type was not changed' },
  'changeType.done': {
    es: '«{label}» ahora es de tipo {type}',
    en: '“{label}” is now of type {type}',
  },

  'preview.title': { es: 'Vista previa: formulario del agente', en: 'Preview: agent’s form' },
  'preview.hint': {
    es: 'Así ve el agente estos campos en la ficha del cliente; cambia mientras edita.',
    en: 'This is how the agent sees these fields on the client card; it follows your edits.',
  },
  'preview.empty': { es: 'No hay campos activos', en: 'No active fields' },
  'preview.editing': { es: 'editando', en: 'editing' },

  'type.text': { es: 'Texto', en: 'Text' },
  'type.textarea': { es: 'Texto largo', en: 'Long text' },
  'type.number': { es: 'Número entero', en: 'Whole number' },
  'type.decimal': { es: 'Número decimal', en: 'Decimal number' },
  'type.date': { es: 'Fecha', en: 'Date' },
  'type.datetime': { es: 'Fecha y hora', en: 'Date and time' },
  'type.boolean': { es: 'Sí / no', en: 'Yes / no' },
  'type.select': { es: 'Lista (una opción)', en: 'List (one option)' },
  'type.multiselect': { es: 'Lista (varias opciones)', en: 'List (several options)' },
  'type.email': { es: 'Correo electrónico', en: 'Email' },
  'type.phone': { es: 'Teléfono', en: 'Phone' },
  'type.url': { es: 'Dirección web', en: 'Web address' },
} as const satisfies Record<string, { es: string; en: string }>

export type MessageKey = keyof typeof MESSAGES
