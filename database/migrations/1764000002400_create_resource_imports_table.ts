import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * CSV imports of any resource (X3): the uploaded file's key in the drive,
 * where the job stands and how far it got. `processed_rows` moves in the
 * same transaction as the rows it counts, so an interrupted import resumes
 * exactly. `errors` keeps the first 1,000 row errors as JSON;
 * `error_count` counts them all.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('resource', 100).notNullable()
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('status', 20).notNullable()
      table.string('filename', 255).notNullable()
      table.string('file_key', 255).notNullable()
      table.integer('total_rows').unsigned().nullable()
      table.integer('validated_rows').unsigned().notNullable().defaultTo(0)
      table.integer('processed_rows').unsigned().notNullable().defaultTo(0)
      table.integer('created_rows').unsigned().notNullable().defaultTo(0)
      table.integer('error_count').unsigned().notNullable().defaultTo(0)
      // mediumtext on MySQL: 1,000 errors outgrow a 64 KB TEXT.
      table.text('errors', 'mediumtext').nullable()
      table.text('message').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.dateTime('finished_at').nullable()
      table.index(['user_id', 'id'], 'resource_imports_user_idx')
      table.index(['status'], 'resource_imports_status_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
