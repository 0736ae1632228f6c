import { defineConfig } from '@adonisjs/core/bodyparser'

/** Content types read as JSON documents. */
export const JSON_TYPES = [
  'application/json',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/csp-report',
]

/**
 * Bodies are small JSON documents; anything larger than 1 MB is refused
 * with 413 before it reaches a controller. File uploads get their own,
 * per-route limits.
 *
 * JSON bodies are read here as text (size limit, compression, charset) and
 * parsed by #middleware/json_body_middleware: the body parser's JSON path
 * walks the document recursively twice (a JSON.parse reviver, a deep
 * clone), and a body nested a few thousand levels deep overflowed the stack.
 */
export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },
  json: {
    types: [],
  },
  raw: {
    types: [...JSON_TYPES, 'text/*'],
    limit: '1mb',
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    // CSV imports (up to 50 MB) stream the file straight into the drive.
    processManually: ['/api/r/:resource/imports', '/api/r/:resource/imports/preview'],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})
