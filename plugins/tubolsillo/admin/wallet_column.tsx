import { api } from '@tablero/admin'
import { Tag } from 'antd'
import { useEffect, useState } from 'react'
import { TUBOLSILLO_API, type WalletStatus } from './tubolsillo_api'
import { useMessages } from './use_messages'

const COLORS: Record<WalletStatus, string> = {
  active: 'green',
  inactive: 'default',
  pending: 'gold',
  failed: 'red',
  unknown: 'default',
}

/**
 * The cells of one list page ask together: ids asked in the same tick are sent as one
 * `GET /wallets?ids=…`; answers are kept for a few seconds so re-renders ask nothing.
 */
const KEEP_MS = 5_000
const known = new Map<number, { at: number; status: Promise<WalletStatus> }>()
let waiting: Array<{ id: number; resolve: (status: WalletStatus) => void }> = []

function flush() {
  const batch = waiting
  waiting = []
  const ids = [...new Set(batch.map((entry) => entry.id))]
  api
    .get<{ data: Record<string, WalletStatus> }>(`${TUBOLSILLO_API}/wallets`, {
      query: { ids: ids.join(',') },
    })
    .then(
      (answer) => batch.forEach((entry) => entry.resolve(answer.data[entry.id] ?? 'unknown')),
      () => batch.forEach((entry) => entry.resolve('unknown'))
    )
}

function statusOf(id: number): Promise<WalletStatus> {
  const kept = known.get(id)
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.status
  const status = new Promise<WalletStatus>((resolve) => {
    if (waiting.length === 0) queueMicrotask(flush)
    waiting.push({ id, resolve })
  })
  known.set(id, { at: Date.now(), status })
  return status
}

/** W2: the wallet's status in the clients list (`clients.list.columns`). */
export default function WalletColumn({ record }: { record: Record<string, unknown> }) {
  const t = useMessages()
  const id = Number(record.id)
  const [status, setStatus] = useState<WalletStatus | null>(null)
  useEffect(() => {
    let live = true
    statusOf(id).then((answer) => {
      if (live) setStatus(answer)
    })
    return () => {
      live = false
    }
  }, [id])
  if (!status) return null
  return (
    // wraps like the list's other cells, so the column never pushes the list past the screen
    <Tag
      color={COLORS[status]}
      data-testid="tubolsillo-column"
      data-status={status}
      style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
    >
      {t(`status.${status}`)}
    </Tag>
  )
}
