import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { TableroError } from '#exceptions/tablero_error'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { ClientInteractions } from '#services/client_interactions'
import { normalizePhone } from '#services/phone_number'
import { messageProvider, MessageProviderError } from '#services/messaging/index'
import { smsLength } from '#shared/sms_length'

interface Notification {
  channel: 'sms' | 'email'
  to?: string
  subject?: string
  body: string
}

/**
 * C6: sends an SMS or e-mail to a client through the configured provider.
 * Every attempt, sent or failed, lands in client_messages, the client's
 * interactions and the audit log, so the client's log shows it.
 */
export class ClientNotifier {
  static async notify(client: Record<string, unknown>, input: Notification, actor: AuditActor) {
    if (input.channel === 'sms') this.#assertFitsOneSms(input.body)
    const destination = this.#destination(client, input)
    const provider = messageProvider()
    let status: 'sent' | 'failed' = 'sent'
    let providerMessageId: string | null = null
    let error: string | null = null
    try {
      const sent = await provider.send({ ...input, to: destination })
      providerMessageId = sent.providerMessageId
    } catch (caught) {
      if (!(caught instanceof MessageProviderError)) throw caught
      status = 'failed'
      error = caught.message.slice(0, 500)
    }

    const message = await db.transaction(async (trx) => {
      const [id] = await trx
        .insertQuery()
        .table('client_messages')
        .insert({
          client_id: client.id,
          channel: input.channel,
          destination,
          subject: input.subject ?? null,
          body: input.body,
          status,
          provider: provider.name,
          provider_message_id: providerMessageId,
          error,
          sent_by: actor.actorId,
          created_at: toSqlDateTime(DateTime.utc()),
        })
      await ClientInteractions.record(trx, {
        clientId: client.id as number,
        channel: input.channel,
        direction: 'out',
        source: 'notification',
        result: status,
        userId: actor.actorId,
      })
      await AuditLog.record(trx, actor, {
        action: `notify.${input.channel}`,
        resource: 'client_messages',
        recordId: id,
        after: { destination, status, error },
        subject: 'clients',
        subjectId: client.id as number,
      })
      return {
        id: Number(id),
        channel: input.channel,
        destination,
        status,
        error,
        providerMessageId,
      }
    })

    if (status === 'failed') {
      throw new TableroError(
        'MESSAGE_NOT_SENT',
        `The provider did not send the message: ${error}`,
        502
      )
    }
    return message
  }

  /**
   * One message, counted as the carrier counts it (GSM-7 or UCS-2): a longer text is refused,
   * never split into parts the client receives out of order or pays for twice.
   */
  static #assertFitsOneSms(body: string) {
    const { encoding, length, limit, fits, nonGsm } = smsLength(body)
    if (fits) return
    const outside = nonGsm.slice(0, 5).join(' ')
    const why = encoding === 'UCS-2' ? ` (characters outside GSM-7: ${outside})` : ''
    throw new TableroError(
      'SMS_TOO_LONG',
      `An SMS in ${encoding}${why} holds at most ${limit} characters; this one counts ${length}`,
      422,
      [
        {
          field: 'body',
          message: `${length}/${limit} characters in ${encoding}${why}: shorten it to fit one SMS`,
          rule: 'smsLength',
          meta: { length, limit, encoding, outside },
        },
      ],
      { length, limit, encoding, outside }
    )
  }

  static #destination(client: Record<string, unknown>, input: Notification) {
    if (input.channel === 'sms') {
      const raw = input.to ?? (client.primary_phone as string | null)
      if (!raw) {
        throw new TableroError(
          'NO_DESTINATION',
          'The client has no phone: add one or give "to"',
          422,
          [{ field: 'to', message: 'No phone to send to', rule: 'required' }]
        )
      }
      return normalizePhone(raw, 'to').e164
    }
    const email = input.to ?? (client.email as string | null)
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw new TableroError(
        'NO_DESTINATION',
        'The client has no valid e-mail: add one or give "to"',
        422,
        [{ field: 'to', message: 'No e-mail to send to', rule: 'email' }]
      )
    }
    return email.toLowerCase()
  }
}
