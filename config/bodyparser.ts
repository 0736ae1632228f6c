import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * Bodies are small JSON documents; anything larger than 1 MB is refused
 * with 413 before it reaches a controller. File uploads get their own,
 * per-route limits.
 */
export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
    limit: '1mb',
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    // CSV imports (up to 50 MB) stream the file straight into the drive.
    processManually: ['/api/r/:resource/imports'],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})
