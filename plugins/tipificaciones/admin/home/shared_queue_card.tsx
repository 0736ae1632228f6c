import type { HomeWidgetProps } from '@tablero/admin'
import { useReducer } from 'react'
import { SharedQueue } from '../shared_queue'

/** The agent's home: the due shared queue of its campaigns, taken here as on the Agenda. */
export default function SharedQueueCard(_props: HomeWidgetProps) {
  const [version, bump] = useReducer((value: number) => value + 1, 0)
  return <SharedQueue version={version} onTaken={bump} />
}
