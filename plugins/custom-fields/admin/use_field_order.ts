import { useActionFeedback } from '@tablero/admin'
import { useRef, useState } from 'react'
import { customFieldsApi } from './custom_fields_api'
import type { CustomField, Profile } from './definitions'
import { useMessages } from './use_messages'

function inOrder(fields: CustomField[], ids: number[] | null) {
  if (!ids) return fields
  const byId = new Map(fields.map((field) => [field.id, field]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * A profile's fields in display order. A reorder shows at once, is saved with
 * POST profiles/:id/fields/reorder, and the server's order takes over once reloaded (on a
 * refusal, that puts the rows back where they were).
 */
export function useFieldOrder(profile: Profile | undefined, reload: () => Promise<unknown>) {
  const t = useMessages()
  const runAction = useActionFeedback()
  const [pending, setPending] = useState<number[] | null>(null)
  // Only the latest of several quick moves may hand the order back to the server's copy.
  const latest = useRef(0)

  const reorder = async (fieldIds: number[]) => {
    if (!profile) return
    const mine = ++latest.current
    setPending(fieldIds)
    await runAction(
      () => customFieldsApi.reorderFields(profile.id, fieldIds),
      t('fields.reordered')
    )
    await reload()
    if (latest.current === mine) setPending(null)
  }

  return { fields: inOrder(profile?.fields ?? [], pending), reorder }
}
