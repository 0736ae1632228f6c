/**
 * What a plugin's tests may import from the core, besides `#sdk`: signed-in
 * request builders, factories, database clean-up, the plugin registry
 * (to enable or disable a plugin in a test), the job worker and the logs.
 */
export { signIn, makeUser } from '#tests/helpers/auth'
export { makeClient } from '#tests/helpers/clients'
export { makeCampaign } from '#tests/helpers/campaigns'
export { truncateAfterEach } from '#tests/helpers/database'
export { startFakeGateway } from '#tests/helpers/fake_gateway'
export {
  settleJob,
  startJobSchedule,
  startJobWorker,
  stopJobSchedule,
  stopJobWorker,
} from '#tests/helpers/jobs'
export { captureLogs } from '#tests/helpers/logs'
export {
  importFile,
  importsOnThisThread,
  settle,
  upload,
  uploadAndValidate,
} from '#tests/helpers/imports'
export type { ImportJob } from '#tests/helpers/imports'
export { makeBase, deleteBase } from '#tests/helpers/bases'
export type { BaseDeletion } from '#tests/helpers/bases'
export { default as plugins } from '#services/plugins'
export { disableWithDependents } from '#tests/helpers/plugin_toggles'
export { default as PluginRollback } from '#commands/plugin_rollback'
