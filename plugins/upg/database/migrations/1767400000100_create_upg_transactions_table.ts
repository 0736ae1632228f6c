import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * U1, U2, U4: the local store of the gateway's transactions (demo, offline,
 * anti-fraud search). A card is kept as BIN + last 4 only, never a full PAN.
 * The anti-fraud search reads the (card_bin, card_last4) index and the IP
 * columns: `ip_network` holds an IPv4's /24 ("203.0.113") so "the same /24"
 * is an equality on an index, not a LIKE over the table.
 */
export default class extends BaseSchema {
  protected tableName = 'upg_transactions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('external_user_id', 64).notNullable()
      table.string('service', 20).notNullable()
      table.string('order_number', 64).notNullable()
      table.decimal('amount', 14, 2).notNullable()
      table.string('currency', 3).notNullable().defaultTo('USD')
      table.string('payment_method', 20).notNullable()
      table.string('card_bin', 6).nullable()
      table.string('card_last4', 4).nullable()
      table.string('card_brand', 20).nullable()
      table.string('gateway', 40).nullable()
      table.string('payment_ip', 45).nullable()
      table.string('ip_network', 45).nullable()
      table.string('status', 20).notNullable()
      table.dateTime('occurred_at').notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'occurred_at'])
      table.index(['external_user_id', 'service', 'occurred_at'])
      table.index(['card_bin', 'card_last4'])
      table.index(['payment_ip'])
      table.index(['ip_network'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
