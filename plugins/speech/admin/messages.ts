/**
 * Every text of the plugin's screens, in both languages. The SDK offers no way for a plugin to
 * add keys to the shell's i18next bundles, so the plugin keeps its own keyed `{ es, en }` texts
 * and reads them through the SDK's `useLocalize` (see use_messages.ts), as custom-fields does.
 * `{name}` placeholders are filled by the caller.
 */
export const MESSAGES = {
  'common.cancel': { es: 'Cancelar', en: 'Cancel' },
  'common.save': { es: 'Guardar', en: 'Save' },
  'common.edit': { es: 'Editar', en: 'Edit' },
  'common.delete': { es: 'Eliminar', en: 'Delete' },
  'common.actions': { es: 'Acciones', en: 'Actions' },
  'common.required': { es: 'Este dato es obligatorio', en: 'This is required' },
  'common.campaign': { es: 'Campaña', en: 'Campaign' },
  'common.close': { es: 'Cerrar', en: 'Close' },

  'scripts.title': { es: 'Speech', en: 'Call scripts' },
  'scripts.intro': {
    es: 'El texto que ayuda al agente durante la llamada, uno por campaña. Las variables como el nombre del cliente se completan con los datos del cliente en pantalla.',
    en: 'The text that helps the agent during the call, one per campaign. Variables such as the client’s name are filled with the data of the client on screen.',
  },
  'scripts.new': { es: 'Nuevo speech', en: 'New script' },
  'scripts.empty': { es: 'Todavía no hay speech', en: 'No scripts yet' },
  'scripts.name': { es: 'Título', en: 'Title' },
  'scripts.version': { es: 'Versión', en: 'Version' },
  'scripts.updated': { es: 'Modificado', en: 'Updated' },
  'scripts.preview': { es: 'Vista previa', en: 'Preview' },
  'scripts.history': { es: 'Historial', en: 'History' },
  'scripts.deleteTitle': { es: '¿Eliminar el speech «{title}»?', en: 'Delete script “{title}”?' },
  'scripts.deleteText': {
    es: 'Los agentes de la campaña dejan de verlo. Se elimina también su historial de versiones.',
    en: 'The campaign’s agents stop seeing it. Its version history is deleted too.',
  },
  'scripts.deleted': { es: 'Speech «{title}» eliminado', en: 'Script “{title}” deleted' },
  'scripts.withoutScript': {
    es: 'Campañas sin speech: {names}',
    en: 'Campaigns without a script: {names}',
  },

  'editor.createTitle': { es: 'Nuevo speech', en: 'New script' },
  'editor.editTitle': { es: 'Speech de «{campaign}»', en: 'Script of “{campaign}”' },
  'editor.back': { es: 'Todos los speech', en: 'All scripts' },
  'editor.campaign': { es: 'Campaña', en: 'Campaign' },
  'editor.campaignTaken': { es: 'ya tiene speech', en: 'has a script' },
  'editor.title': { es: 'Título', en: 'Title' },
  'editor.body': { es: 'Texto', en: 'Text' },
  'editor.created': { es: 'Speech «{title}» creado', en: 'Script “{title}” created' },
  'editor.saved': {
    es: 'Speech «{title}» guardado (versión {version})',
    en: 'Script “{title}” saved (version {version})',
  },
  'editor.pickCampaignFirst': {
    es: 'Elija la campaña para ver sus variables.',
    en: 'Choose the campaign to see its variables.',
  },
  'editor.unknownTitle': {
    es: 'Variables que esta campaña no ofrece',
    en: 'Variables this campaign does not offer',
  },
  'editor.unknownText': {
    es: 'Se conservan en el texto y el agente las ve marcadas en rojo, sin completar. Corríjalas o agregue el campo al perfil de la campaña.',
    en: 'They stay in the text and the agent sees them marked in red, unfilled. Fix them or add the field to the campaign’s profile.',
  },
  'editor.versionTag': { es: 'Versión {version}', en: 'Version {version}' },

  'toolbar.paragraph': { es: 'Párrafo', en: 'Paragraph' },
  'toolbar.heading': { es: 'Título {level}', en: 'Heading {level}' },
  'toolbar.bold': { es: 'Negrita', en: 'Bold' },
  'toolbar.italic': { es: 'Cursiva', en: 'Italic' },
  'toolbar.underline': { es: 'Subrayado', en: 'Underline' },
  'toolbar.strike': { es: 'Tachado', en: 'Strikethrough' },
  'toolbar.highlight': { es: 'Resaltar', en: 'Highlight' },
  'toolbar.bulletList': { es: 'Lista con viñetas', en: 'Bulleted list' },
  'toolbar.orderedList': { es: 'Lista numerada', en: 'Numbered list' },
  'toolbar.link': { es: 'Enlace', en: 'Link' },
  'toolbar.linkUrl': { es: 'Dirección (https://…)', en: 'Address (https://…)' },
  'toolbar.linkApply': { es: 'Aplicar', en: 'Apply' },
  'toolbar.linkRemove': { es: 'Quitar enlace', en: 'Remove link' },
  'toolbar.undo': { es: 'Deshacer', en: 'Undo' },
  'toolbar.redo': { es: 'Rehacer', en: 'Redo' },
  'toolbar.clear': { es: 'Quitar formato', en: 'Clear formatting' },
  'toolbar.insertVariable': { es: 'Insertar variable', en: 'Insert variable' },
  'variables.client': { es: 'Cliente', en: 'Client' },
  'variables.custom': { es: 'Campos del perfil', en: 'Profile fields' },
  'variables.other': { es: 'Agente y campaña', en: 'Agent and campaign' },

  'preview.title': { es: 'Vista previa: {title}', en: 'Preview: {title}' },
  'preview.draftHelp': {
    es: 'Así verá el agente el texto: las variables se reemplazan por los datos del cliente.',
    en: 'This is how the agent sees the text: variables are replaced with the client’s data.',
  },
  'preview.client': { es: 'Con los datos del cliente Nº', en: 'With the data of client #' },
  'preview.clientHelp': {
    es: 'Muestra la versión guardada completada para ese cliente.',
    en: 'Shows the saved version filled for that client.',
  },
  'preview.draft': { es: 'Borrador', en: 'Draft' },
  'preview.filled': { es: 'Completado', en: 'Filled' },
  'preview.saveFirst': {
    es: 'Guarde el speech para verlo completado con un cliente.',
    en: 'Save the script to see it filled for a client.',
  },

  'history.title': { es: 'Historial de versiones', en: 'Version history' },
  'history.current': { es: 'Actual', en: 'Current' },
  'history.by': { es: '{name}, {date}', en: '{name}, {date}' },
  'history.show': { es: 'Ver', en: 'Show' },
  'history.hide': { es: 'Ocultar', en: 'Hide' },
  'history.restore': { es: 'Restaurar', en: 'Restore' },
  'history.restoreTitle': {
    es: '¿Restaurar la versión {version}?',
    en: 'Restore version {version}?',
  },
  'history.restoreText': {
    es: 'Su texto pasa a ser una versión nueva; las versiones anteriores se conservan. Lo que no haya guardado en el editor se pierde.',
    en: 'Its text becomes a new version; earlier versions are kept. Anything unsaved in the editor is lost.',
  },
  'history.restored': {
    es: 'Versión {version} restaurada como versión {current}',
    en: 'Version {version} restored as version {current}',
  },

  'tab.title': { es: 'Speech', en: 'Script' },
  'tab.noScript': {
    es: 'Esta campaña todavía no tiene speech.',
    en: 'This campaign has no script yet.',
  },
  'tab.pickCampaign': {
    es: 'Elija la campaña para ver su speech.',
    en: 'Choose the campaign to see its script.',
  },
  'tab.unknown': {
    es: 'Este speech usa variables que la campaña no ofrece ({names}): avise a su supervisor.',
    en: 'This script uses variables the campaign does not offer ({names}): tell your supervisor.',
  },
  'tab.legendEmpty': { es: 'sin dato en la ficha', en: 'missing on the card' },
  'tab.legendUnknown': { es: 'variable desconocida', en: 'unknown variable' },
  'tab.noClient': {
    es: 'Guarde el cliente para ver el speech completado.',
    en: 'Save the client to see the filled script.',
  },
} as const

export type MessageKey = keyof typeof MESSAGES
