import { isApiError } from '@tablero/admin'
import { Modal } from 'antd'
import type { AgendaTranslate } from './agenda_messages'

/**
 * Sends an agenda write; when the server warns that no client has the phone (409
 * UNKNOWN_PHONE: the agent will not be able to manage the event), asks the user and, if
 * confirmed, sends it again with `confirmUnknownPhone`. Resolves false when the user backs out.
 */
export async function saveWithPhoneWarning(
  t: AgendaTranslate,
  send: (confirmUnknownPhone: boolean) => Promise<unknown>
): Promise<boolean> {
  try {
    await send(false)
    return true
  } catch (error) {
    if (!isApiError(error) || error.code !== 'UNKNOWN_PHONE') throw error
  }
  const confirmed = await new Promise<boolean>((resolve) =>
    Modal.confirm({
      title: t('agenda.unknownPhoneTitle'),
      content: t('agenda.unknownPhone'),
      okText: t('agenda.save'),
      cancelText: t('agenda.cancel'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    })
  )
  if (!confirmed) return false
  await send(true)
  return true
}

/** The plugin's words for the agenda's refusals; the backend's message otherwise. */
export function agendaErrorText(t: AgendaTranslate, error: unknown) {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error)
  if (error.code === 'CALLBACK_TAKEN') return t('agenda.taken')
  if (error.code === 'CALLBACK_IN_PAST') return t('agenda.pastRefused')
  return error.message
}
