import { defineResource, field, resources, type RowScope } from '#sdk'
import { METHODS, SERVICES, STATUSES } from './access.ts'
import { maskPans } from './card.ts'
import { clientsOfUsers, shapeTransaction } from './transaction_rules.ts'

const label = (es: string, en: string) => ({ es, en })

/** Agents see the gateway data of the clients they may read. */
const ofVisibleClients: RowScope = (query, user) =>
  query.whereIn('client_id', resources.visibleKeys('clients', user))

const options = <T extends string>(values: readonly T[], labels: Record<T, [string, string]>) =>
  values.map((value) => ({ value, label: label(labels[value][0], labels[value][1]) }))

const clientField = (required: boolean) =>
  field.relation('client_id', {
    label: label('Cliente', 'Client'),
    relation: {
      resource: 'clients',
      labelField: 'first_name',
      labelFields: ['first_name', 'last_name'],
    },
    required,
    listable: true,
    filterable: true,
  })

export default [
  /** U3: the gateway's users, each linked to its CRM client ("Cliente detalles"). */
  defineResource({
    name: 'upg_clients',
    table: 'upg_clients',
    label: label('Cuentas UPG', 'UPG accounts'),
    defaultSort: '-id',
    menu: { group: 'busqueda', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      clientField(true),
      field.text('external_user_id', {
        label: label('ID de usuario', 'User id'),
        required: true,
        unique: true,
        maxLength: 64,
        listable: true,
        filterable: true,
        searchable: true,
      }),
      field.text('full_name', { label: label('Nombre', 'Name'), maxLength: 200, listable: true }),
      field.email('email', { label: label('Correo', 'Email'), maxLength: 254, listable: true }),
      field.text('phone', { label: label('Teléfono', 'Phone'), maxLength: 30 }),
      field.text('country', { label: label('País', 'Country'), maxLength: 2, listable: true }),
      field.select('kyc_status', {
        label: label('Verificación (KYC)', 'KYC'),
        options: [
          { value: 'verified', label: label('Verificado', 'Verified') },
          { value: 'pending', label: label('Pendiente', 'Pending') },
          { value: 'rejected', label: label('Rechazado', 'Rejected') },
        ],
        listable: true,
        filterable: true,
      }),
      field.text('level', { label: label('Nivel', 'Level'), maxLength: 30, listable: true }),
      field.datetime('registered_at', { label: label('Alta', 'Registered'), listable: true }),
      ...field.timestamps(),
    ],
    importKeys: ['external_user_id'],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'export', 'import'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
  }),

  /**
   * U1, U2, U4: the local store of the gateway's transactions, filled by CSV
   * import and the signed webhook. Read-only once stored (the gateway's data).
   * `card_bin` takes a BIN, a mask or a full card number: the hooks cut it to
   * BIN + last 4 before the insert (card.ts).
   */
  defineResource({
    name: 'upg_transactions',
    table: 'upg_transactions',
    label: label('Transacciones UPG', 'UPG transactions'),
    defaultSort: '-id',
    menu: { group: 'busqueda', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      clientField(false),
      field.text('external_user_id', {
        label: label('ID de usuario', 'User id'),
        required: true,
        maxLength: 64,
        listable: true,
        filterable: true,
      }),
      field.select('service', {
        label: label('Servicio', 'Service'),
        options: options(SERVICES, {
          travel: ['Viajes', 'Travel'],
          shipping: ['Envíos', 'Shipping'],
          market: ['Mercado', 'Market'],
          topups: ['Recargas', 'Top-ups'],
          remittances: ['Remesas', 'Remittances'],
        }),
        required: true,
        listable: true,
        filterable: true,
      }),
      field.text('order_number', {
        label: label('Número de orden', 'Order number'),
        required: true,
        maxLength: 64,
        listable: true,
        filterable: true,
      }),
      field.decimal('amount', { label: label('Monto', 'Amount'), required: true, listable: true }),
      field.text('currency', {
        label: label('Moneda', 'Currency'),
        maxLength: 3,
        defaultValue: 'USD',
        listable: true,
      }),
      field.select('payment_method', {
        label: label('Método de pago', 'Payment method'),
        options: options(METHODS, {
          card: ['Tarjeta', 'Card'],
          wallet: ['Billetera', 'Wallet'],
          transfer: ['Transferencia', 'Transfer'],
          cash: ['Efectivo', 'Cash'],
        }),
        required: true,
        listable: true,
        filterable: true,
      }),
      field.text('card_bin', {
        label: label('Tarjeta (BIN)', 'Card (BIN)'),
        // a full number or a mask is accepted here and cut to BIN + last 4
        maxLength: 23,
        filterable: true,
      }),
      field.text('card_last4', {
        label: label('Últimos 4', 'Last 4'),
        maxLength: 4,
        filterable: true,
      }),
      field.text('card_brand', { label: label('Marca', 'Brand'), maxLength: 20 }),
      field.text('gateway', {
        label: label('Pasarela', 'Gateway'),
        maxLength: 40,
        filterable: true,
      }),
      field.text('payment_ip', {
        label: label('IP del pago', 'Payment IP'),
        maxLength: 45,
        listable: true,
        filterable: true,
      }),
      field.text('ip_network', { label: label('Red /24', '/24 network'), readOnly: true }),
      field.select('status', {
        label: label('Estado', 'Status'),
        options: options(STATUSES, {
          approved: ['Aprobada', 'Approved'],
          pending: ['Pendiente', 'Pending'],
          declined: ['Rechazada', 'Declined'],
          refunded: ['Devuelta', 'Refunded'],
          chargeback: ['Contracargo', 'Chargeback'],
        }),
        required: true,
        listable: true,
        filterable: true,
      }),
      field.datetime('occurred_at', {
        label: label('Fecha', 'Date'),
        required: true,
        listable: true,
        sortable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'export', 'import'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    hooks: {
      // the import's column-mapping step shows the file's first rows: never a card number
      previewCell: maskPans,
      async beforeCreate(values, hook) {
        shapeTransaction(values)
        if (!values.client_id) {
          const clients = await clientsOfUsers(hook.trx, [String(values.external_user_id)])
          values.client_id = clients.get(String(values.external_user_id)) ?? null
        }
      },
      async beforeCreateMany(rows, hook) {
        for (const row of rows) {
          try {
            shapeTransaction(row.values)
          } catch (error) {
            row.error = error
          }
        }
        const open = rows.filter((row) => !row.error && !row.values.client_id)
        const clients = await clientsOfUsers(
          hook.trx,
          open.map((row) => String(row.values.external_user_id))
        )
        for (const row of open) {
          row.values.client_id = clients.get(String(row.values.external_user_id)) ?? null
        }
      },
    },
  }),
]
