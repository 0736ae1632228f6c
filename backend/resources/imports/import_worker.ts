/*
|--------------------------------------------------------------------------
| Import worker thread
|--------------------------------------------------------------------------
|
| Started by ImportThread: boots the application in the "console"
| environment (its own database connection, no HTTP server, none of the
| web node's timers), then runs the imports it is sent one after another
| with the same ImportRunner the HTTP thread used to run. Parsing,
| validation, SQL text and the driver's work all happen here, so the HTTP
| thread only answers requests while an import runs.
|
*/
import 'reflect-metadata'
import { parentPort, threadId } from 'node:worker_threads'
import { Ignitor } from '@adonisjs/core'
import { APP_ROOT, importer } from '../../bin/app_root.ts'
import type { ImportOrder, WorkerReport } from './import_thread.ts'

const port = parentPort
if (!port) throw new Error('import_worker.ts runs only as a worker thread (ImportThread)')

const booting = performance.now()
const app = new Ignitor(APP_ROOT, { importer }).createApp('console')
app.booting(async () => {
  await import('#start/env')
})
await app.init()
await app.boot()
await app.start(() => {})

const { ImportJobs } = await import('./import_jobs.ts')
const { ImportRunner } = await import('./import_runner.ts')
const { resourceServiceAs } = await import('#services/resource_context')
const { default: plugins } = await import('#services/plugins')
const { default: resources } = await import('#services/resources')
const { default: grants } = await import('#services/grants')

const { default: transmit } = await import('@adonisjs/transmit/services/main')

const report = (message: WorkerReport) => port.postMessage(message)

// Browsers listen on the HTTP thread's streams: what an import's hooks and
// event handlers announce (LiveUpdates) is broadcast from there, once.
transmit.broadcast = (channel, payload) => report({ type: 'broadcast', channel, payload })

/**
 * One order at a time, in arrival order: a second import waits for the
 * first, as the database would make it wait anyway.
 */
let queue = Promise.resolve()

port.on('message', (order: ImportOrder) => {
  queue = queue.then(() => run(order)).catch(() => {})
})

async function run(order: ImportOrder) {
  report({ type: 'running', jobId: order.jobId, threadId })
  try {
    // Another request may have toggled a plugin, a grant or a custom field
    // a moment ago on the HTTP thread: this thread reads them again.
    await plugins.refresh(true)
    await grants.refresh(true)
    resources.invalidateFields()
    const job = await ImportJobs.find(order.jobId)
    if (!job) return
    const service = await resourceServiceAs(order.actor.actorId!, order.actor)
    if (order.kind === 'validate') await ImportRunner.validate(service, job)
    else await ImportRunner.import(service, job)
  } finally {
    report({ type: 'finished', jobId: order.jobId })
  }
}

report({ type: 'ready', threadId, bootMs: Math.round(performance.now() - booting) })
