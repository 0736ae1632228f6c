import { ApiErrorResult } from '@tablero/admin'
import { Spin } from 'antd'
import { useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { ScriptEditor } from './script_editor'
import { useScript } from './use_speech_data'

/**
 * `/speech/new` and `/speech/:scriptId`: loads the saved script, then hands it to a fresh
 * editor. A restore reloads it into a new editor (TipTap reads its content once).
 */
export default function ScriptEditorPage() {
  const { scriptId } = useParams()
  const [search] = useSearchParams()
  const id = Number(scriptId) || undefined
  const { script, query } = useScript(id)
  const [generation, setGeneration] = useState(0)

  if (id && query.isError)
    return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  if (id && !script) return <Spin />
  return (
    <ScriptEditor
      key={`${id ?? 'new'}:${generation}`}
      initial={script ?? null}
      campaignId={Number(search.get('campaign')) || undefined}
      onReload={() => {
        void query.refetch().then(() => setGeneration((value) => value + 1))
      }}
    />
  )
}
