/**
 * Spanish wording of the API's error messages (the English one is the
 * message the code throws). Keyed by error code; params come from the
 * TableroError that was thrown.
 */
type Params = Record<string, string | number | undefined>

const IMPORT_STATUSES: Record<string, string> = {
  validating: 'validándose',
  invalid: 'con errores',
  ready: 'lista',
  importing: 'importándose',
  done: 'terminada',
  failed: 'fallida',
  interrupted: 'interrumpida',
}

/** Why an SMS went UCS-2: the characters outside the GSM-7 alphabet. */
const smsOutside = (p: Record<string, unknown>) =>
  p.encoding === 'UCS-2' ? ` (caracteres fuera de GSM-7: ${p.outside})` : ''

export const SPANISH_ERRORS: Record<string, (params: Params) => string> = {
  INVALID_CREDENTIALS: () => 'Correo o contraseña incorrectos',
  TOO_MANY_ATTEMPTS: (p) =>
    p.seconds
      ? `Demasiados intentos fallidos: intente de nuevo en ${p.seconds} segundos`
      : 'Demasiados intentos: espere un minuto e intente de nuevo',
  UNAUTHENTICATED: () => 'Inicie sesión para continuar',
  FORBIDDEN: () => 'No tiene permiso para hacer esto',
  OUT_OF_SCOPE: () => 'No tiene acceso a este registro',
  CSRF_TOKEN_INVALID: () => 'El formulario expiró: recargue la página e intente de nuevo',
  NOT_FOUND: () => 'No se encontró el registro',
  RESOURCE_NOT_FOUND: (p) => `No existe el recurso "${p.name}"`,
  PLUGIN_NOT_FOUND: (p) => `No existe el plugin "${p.name}"`,
  PLUGIN_DISABLED: (p) => `El plugin "${p.name}" está desactivado`,
  PLUGIN_NEEDS_DEPENDENCIES: (p) => `No se puede activar "${p.name}": active antes ${p.list}`,
  PLUGIN_HAS_DEPENDENTS: (p) =>
    `No se puede desactivar "${p.name}": ${p.list} dependen de él; desactívelos antes`,
  VALIDATION_FAILED: () => 'Revise los datos marcados',
  INVALID_INPUT: () => 'Revise los datos marcados',
  PAYLOAD_TOO_LARGE: () => 'La solicitud es demasiado grande',
  FILE_TOO_LARGE: (p) => `El archivo supera el tamaño permitido (${p.max ?? '10 MB'})`,
  UNSUPPORTED_MEDIA_TYPE: () => 'Envíe los datos como JSON',
  INVALID_JSON: () => 'Los datos enviados no son un JSON válido',
  REQUEST_TOO_LONG: () =>
    'La dirección o los encabezados de la solicitud son demasiado largos: use menos filtros o borre las cookies de este sitio e intente de nuevo',
  REQUEST_TIMEOUT: () => 'La solicitud tardó demasiado en llegar: intente de nuevo',
  MALFORMED_REQUEST: () => 'La solicitud no es HTTP válido',
  DUPLICATE: () => 'Ya existe un registro con ese valor único',
  REFERENCE_CONFLICT: () => 'El cambio rompería un vínculo con otro registro',
  RECORD_IN_USE: (p) => `No se puede borrar porque tiene ${p.list}`,
  RECORD_IN_USE_ARCHIVE: (p) =>
    `No se puede borrar porque tiene ${p.list}. Archive el registro en su lugar: deja de ofrecerse al elegir, se conserva en los informes y se puede restaurar`,
  DUPLICATE_CLIENT: (p) => `Otro cliente tiene este teléfono o correo: ${p.list}`,
  DUPLICATE_CLIENT_HIDDEN: (p) =>
    `Ya existe un cliente con este teléfono o correo${p.list ? `; usted ve ${p.list}` : ''}: pida a un supervisor que lo busque o se lo asigne`,
  DUPLICATE_PHONE: (p) =>
    p.client
      ? `El cliente #${p.client} ya tiene el número ${p.phone}`
      : `Este cliente ya tiene el número ${p.phone}`,
  DUPLICATE_PHONE_HIDDEN: (p) =>
    `Otro cliente ya tiene el número ${p.phone}: pida a un supervisor que lo busque o se lo asigne`,
  PRIMARY_PHONE_REQUIRED: () => 'Marque otro teléfono como principal en lugar de desmarcar este',
  SMS_TOO_LONG: (p) =>
    `Un SMS en ${p.encoding}${smsOutside(p)} admite como máximo ${p.limit} caracteres; este cuenta ${p.length}`,
  NO_DESTINATION: () => 'El cliente no tiene a dónde enviar: agregue el dato o indique "to"',
  MESSAGE_NOT_SENT: () => 'El proveedor no envió el mensaje; quedó registrado como fallido',
  MERGE_SELF: () => 'Un cliente no se puede combinar consigo mismo',
  CANNOT_DEMOTE_SELF: () => 'No puede desactivarse ni quitarse el rol de administrador a sí mismo',
  INTERNAL_ERROR: () => 'Algo salió mal de nuestro lado',
  DATABASE_UNAVAILABLE: () =>
    'No se puede acceder a la base de datos: intente de nuevo en unos segundos',
  SERVICE_UNAVAILABLE: () =>
    'Un servicio compartido (Redis) no responde: intente de nuevo en unos segundos',
  LOGIN_LIMITER_UNAVAILABLE: () =>
    'No se puede iniciar sesión mientras el límite de intentos no responde: intente de nuevo en unos segundos',
  NOT_CAMPAIGN_SUPERVISOR: () =>
    'Solo un administrador o un supervisor de la campaña puede asignar sus clientes',
  ASSIGNMENT_CHANGED: (p) =>
    `La selección cambió desde que se contó: eran ${p.expectedMatched} clientes (${p.expectedAssigned} asignados) y ahora son ${p.matched} (${p.assigned} asignados). Cuente de nuevo y confirme`,
  LOCKED: () => 'Otro proceso está haciendo esto mismo: intente de nuevo cuando termine',
  // Plugins
  FIELD_TYPE_UNCONVERTIBLE: (p) =>
    `${p.count} valor(es) guardado(s) no se pueden convertir al nuevo tipo (p. ej. cliente ${p.example}); corríjalos antes`,
  FIELD_LIMIT: (p) =>
    `No quedan campos personalizados: el cliente admite ${p.max} como máximo, contando los retirados porque conservan su columna; restaure un campo retirado y reutilícelo`,
  INDEXED_FIELD_LIMIT: (p) =>
    Number(p.remaining) > 0
      ? `No quedan campos indexados (${p.max} como máximo, contando los retirados): aún caben ${p.remaining} campo(s) de tipo Texto largo o Lista (varias opciones), que no llevan índice`
      : `No quedan campos indexados (${p.max} como máximo, contando los retirados): use Texto largo o Lista (varias opciones), que no llevan índice`,
  OPTION_IN_USE: (p) =>
    `${p.count} cliente(s) tienen esa opción: cambie su valor antes de quitarla`,
  ACTION_AND_SCHEDULING: () => 'Un resultado tiene una acción o permite agendar, nunca ambas',
  TOO_DEEP: () => 'Los resultados llegan a tres niveles como máximo',
  VOICE_IGNORES_ACTION: (p) =>
    Number(p.count) === 1
      ? `La acción solo aplica a campañas de marcador; ${p.list} es de voz y la ignorará. Confirme para continuar.`
      : `La acción solo aplica a campañas de marcador; ${p.list} son de voz y la ignorarán. Confirme para continuar.`,
  RESULT_IN_USE: (p) =>
    `${p.count} gestión(es) usaron este resultado o sus hijos: desactívelo en su lugar`,
  CALLBACK_IN_PAST: () => 'La rellamada debe quedar en el futuro',
  DATE_IN_PAST: () => 'La fecha ya pasó: confírmela para guardarla igualmente',
  NOT_IN_CAMPAIGN: () => 'No trabaja en esta campaña',
  CSV_ROWS_INVALID: (p) => `${p.count} fila(s) tienen errores; no se importó nada`,
  CSV_HEADER: () => 'Al CSV le faltan columnas: descargue la plantilla',
  CSV_EMPTY: () => 'El CSV no tiene filas',
  CSV_COLUMNS: () => 'Revise las columnas del CSV: descargue la plantilla',
  CSV_EXTRA_CELLS: () => 'La fila tiene más celdas que columnas el encabezado',
  ROW_REFUSED: () => 'La base de datos rechazó un valor (demasiado largo, fuera de rango o vacío)',
  IMPORT_NOT_READY: (p) =>
    `La importación está ${IMPORT_STATUSES[String(p.status)] ?? p.status}: solo se inicia una importación validada (lista) o interrumpida`,
  IMPORT_HAS_ERRORS: (p) =>
    `${p.rejected} fila(s) tienen errores: confirme que se importen solo las válidas`,
  IMPORT_NOTHING_VALID: () => 'Ninguna fila es válida: corrija el archivo y súbalo de nuevo',
  IMPORT_FILE_GONE: () =>
    'El archivo de esta importación ya se descartó: no quedan filas con errores para descargar',
  NO_SCRIPT: () => 'Esta campaña aún no tiene speech',
  IMPORT_NOT_SUPPORTED: () => 'Estos registros no se importan desde un CSV: créelos de a uno',
  BASE_DELETION_RUNNING: () => 'Esta base ya se está eliminando',
  IMPORT_WORKER_STOPPED: () =>
    'La importación se detuvo inesperadamente: iníciela de nuevo y sigue donde quedó',
  IMPORT_EXPIRED: (p) =>
    `No se inició en ${p.days} días y se descartó el archivo: súbalo de nuevo para importarlo`,
  // upg: the payment gateway's connector and webhook
  UPG_UNAVAILABLE: (p) =>
    p.seconds !== undefined
      ? `UPG no disponible: demasiados fallos seguidos, se reintenta en ${p.seconds} s`
      : p.status !== undefined
        ? `UPG no disponible: la pasarela respondió HTTP ${p.status}`
        : 'UPG no disponible: la pasarela no respondió a tiempo',
  UPG_BAD_ANSWER: (p) =>
    `La pasarela respondió datos mal formados (${p.detail}): avise a soporte técnico`,
  UPG_REFUSED: (p) => `La pasarela rechazó la consulta (HTTP ${p.status})`,
  // plugin dialer (Marcador)
  DIALER_LIST_EMPTY: () => 'El filtro no encuentra clientes de esta campaña',
  DIALER_PAUSED: () => 'Está en pausa: quede disponible para tomar contactos',
  DIALER_CONTACT_OPEN: () => 'Registre antes la gestión de su contacto de la otra campaña',
  DIALER_WRAP_UP: () => 'Registre antes la gestión de su contacto actual',
  DIALER_DO_NOT_CALL: () => 'Este número está en la lista de no llamar',
  NOT_CLAIMED: () => 'Este contacto no es suyo',
}

/**
 * Spanish field messages by validation rule (VineJS and the resource
 * engine); unknown rules keep the English detail.
 */
/** ".pdf, .png o .wav" */
function orList(extnames: unknown[]) {
  return new Intl.ListFormat('es', { type: 'disjunction' }).format(extnames.map((e) => `.${e}`))
}

export const SPANISH_RULES: Record<string, (meta: Record<string, unknown>) => string> = {
  required: () => 'Este campo es obligatorio',
  requiredWhen: () => 'Este campo es obligatorio',
  email: () => 'Correo electrónico no válido',
  url: () => 'Dirección web no válida',
  phone: () => 'Teléfono no válido (use +código de país y el número)',
  phoneDigits: (m) => `Escriba al menos los últimos ${m.min ?? 6} dígitos del teléfono`,
  minLength: (m) => (m.min ? `Debe tener al menos ${m.min} caracteres` : 'Es demasiado corto'),
  maxLength: (m) => (m.max ? `Debe tener como máximo ${m.max} caracteres` : 'Es demasiado largo'),
  smsLength: (m) =>
    `${m.length}/${m.limit} caracteres en ${m.encoding}${smsOutside(m)}: acórtelo para que quepa en un SMS`,
  maxBytes: () => 'Una nota admite como máximo 64 KB; adjunte los textos largos como archivo',
  min: (m) => (m.min !== undefined ? `Debe ser al menos ${m.min}` : 'Valor demasiado bajo'),
  max: (m) => (m.max !== undefined ? `Debe ser como máximo ${m.max}` : 'Valor demasiado alto'),
  number: () => 'Debe ser un número',
  withoutDecimals: () => 'Debe ser un número entero',
  boolean: () => 'Debe ser sí o no',
  string: () => 'Debe ser un texto',
  enum: () => 'No es una de las opciones',
  regex: () => 'El formato no es válido',
  date: () => 'Fecha no válida',
  datetime: () => 'Fecha y hora no válidas',
  yearRange: (m) => `El año debe estar entre ${m.min} y ${m.max}`,
  literal: () => 'Confirme la acción',
  createOnly: () => 'Se fija al crear el registro y no cambia después',
  database: () => 'Ya está en uso',
  unique: () => 'Ya está en uso',
  duplicate: (m) => (m.client ? `Lo tiene el cliente ${m.client}` : 'Otro cliente ya lo tiene'),
  duplicateHidden: () => 'Ya lo tiene un cliente que usted no ve: consulte a un supervisor',
  repeatedInFile: (m) => `Repite la línea ${m.line} de este archivo`,
  key: () => 'La clave está vacía: la fila no indica ningún registro',
  ambiguousKey: (m) => `${m.count} registros tienen este valor: la clave debe indicar uno solo`,
  updatable: (m) => `"${m.field}" no se actualiza desde un archivo`,
  unknownField: () => 'Campo desconocido',
  readOnly: () => 'Este campo es de solo lectura',
  exists: () => 'No existe o no tiene acceso',
  archived: () => 'Está archivado: restáurelo para poder elegirlo',
  different: () => 'Elija otro',
  primary: () => 'Elija antes otro teléfono principal',
  positive: () => 'Debe ser mayor que cero',
  builtin: () => 'Un campo propio del cliente ya tiene ese nombre',
  keyword: () => 'Es una palabra reservada de SQL: elija otra clave',
  taken: () => 'Otro campo (quizá retirado) ya usa esta clave',
  format: () => 'Use de 2 a 40 minúsculas, dígitos o _ empezando por una letra',
  range: () => 'El máximo es menor que el mínimo',
  convertible: () => 'Hay valores que no se convierten',
  inUse: () => 'La opción está en uso',
  fieldLimit: (m) => `No quedan campos (${m.max} como máximo)`,
  indexedFieldLimit: (m) =>
    Number(m.remaining) > 0
      ? `No quedan campos indexados; quedan ${m.remaining} de Texto largo o Lista (varias opciones)`
      : `No quedan campos indexados (${m.max} como máximo)`,
  distinct: () => 'Valor repetido',
  array: () => 'Debe ser una lista',
  arrayLength: (m) => `Admite como máximo ${m.max} elementos`,
  scheduling: () => 'Este resultado no permite agendar',
  dialerOnly: () => '"Para mí" solo aplica a campañas de marcador',
  parent: () => 'No corresponde al nivel anterior elegido',
  maxLevel: () => 'Un resultado de nivel 3 no puede tener hijos',
  exclusive: () => 'Quite la acción o la agenda',
  future: () => 'Elija una fecha y hora futuras',
  dialerCampaign: () => 'Solo una campaña de marcador saliente tiene listas y llamadas',
  noClients: () => 'Ningún cliente de la campaña cumple este filtro',
  listSize: (m) => `Una lista admite como máximo ${m.max} clientes: afine el filtro`,
  dncPrefix: () => 'Un prefijo es + y hasta 14 dígitos (+5411)',
  hourMinute: () => 'Una hora como HH:mm (08:00)',
  callingWindow: () => 'El horario necesita un inicio y un fin distintos',
  agentState: () => 'Disponible, tipificando o en pausa',
  header: () => 'Faltan columnas',
  confirm: () => 'Confirme para continuar',
  file: () => 'Suba el archivo',
  size: () => 'El archivo supera el tamaño permitido',
  extname: (m) =>
    `Tipo de archivo no permitido: suba un archivo ${Array.isArray(m.extnames) ? orList(m.extnames) : '.csv'}`,
  unknownColumn: (m) => `Columna desconocida "${m.column}"`,
  missingColumn: (m) => `Falta la columna obligatoria "${m.column}"`,
  duplicateColumn: (m) => `La columna "${m.column}" repite el campo ${m.field}`,
  readOnlyColumn: (m) => `La columna "${m.column}" es de solo lectura y no se importa: quítela`,
  unnamedColumn: (m) => `La columna ${m.position} no tiene nombre`,
  unknownMappedField: (m) =>
    `La columna "${m.column}" está asignada a un campo que no existe ("${m.field}")`,
  unknownName: (m) => `No existe "${m.value}": escriba su nombre, correo o id`,
  ambiguousName: (m) => `Varios registros se llaman "${m.value}": escriba su id o correo`,
  mapping: () => 'Asigne cada columna a un campo o a ninguno',
  object: () => 'Envíe la asignación como un objeto JSON',
  emptyFile: () => 'El archivo está vacío',
  encoding: () => 'El archivo no es texto UTF-8: guárdelo como "CSV UTF-8" y súbalo de nuevo',
  quote: () => 'Una celda entre comillas nunca se cierra: revise las comillas de esta fila',
  cellLength: () => 'Una celda es demasiado larga (¿falta cerrar una comilla?)',
  cellCount: () => 'La fila tiene demasiadas celdas',
  nesting: (m) => `Los datos anidan como máximo ${m.max} niveles`,
  filterDepth: (m) => `Los grupos de un filtro anidan como máximo ${m.max} niveles`,
  filterSize: (m) => `Un filtro admite como máximo ${m.max} condiciones`,
  timezone: () => 'Zona horaria no válida (p. ej. America/Bogota)',
  notInCampaign: () => 'No trabaja en la campaña del cliente: agréguelo antes a su equipo',
  changed: () => 'La selección cambió desde que se contó: cuente de nuevo y confirme',
  noMatches: () => 'Ningún cliente cumple estos filtros',
  fewerClients: (m) =>
    `${m.clients} cliente(s) no alcanzan para ${m.agents} agentes: elija como máximo ${m.clients}`,
}
