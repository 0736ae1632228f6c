import { test } from '@japa/runner'
import { JobRegistry } from '#services/jobs/job_registry'
import { defineJob } from '#services/jobs/define_job'

const handler = async () => null

test.group('Job registry', () => {
  test("a plugin's job is named after the plugin", ({ assert }) => {
    const registry = new JobRegistry()
    assert.throws(
      () => registry.register(defineJob({ name: 'other.sync', handler }), 'keeper'),
      'Plugin "keeper": job "other.sync" must start with "keeper."'
    )
    registry.register(defineJob({ name: 'keeper.sync', handler }), 'keeper')
    assert.equal(registry.get('keeper.sync').plugin, 'keeper')
  })

  test('a job name is declared once', ({ assert }) => {
    const registry = new JobRegistry()
    registry.register(defineJob({ name: 'keeper.twice', handler }), 'keeper')
    assert.throws(
      () => registry.register(defineJob({ name: 'keeper.twice', handler }), 'keeper'),
      'Plugin "keeper": job "keeper.twice" is declared twice'
    )
  })

  test('a job name is dotted kebab-case', ({ assert }) => {
    assert.throws(
      () => defineJob({ name: 'Keeper Sync', handler }),
      `Job name "Keeper Sync" must be dotted kebab-case, starting with its plugin's name`
    )
  })
})
