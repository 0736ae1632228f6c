import { useState, type CSSProperties, type DragEvent, type HTMLAttributes } from 'react'

/** `items` with the element at `from` moved to `to`, the others keeping their order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [moved] = next.splice(from, 1)
  next.splice(to, 0, moved)
  return next
}

const DROP_TARGET: CSSProperties = { outline: '2px dashed #1677ff', outlineOffset: -2 }
const DRAGGED: CSSProperties = { opacity: 0.45 }

/**
 * Drag-and-drop reordering of table rows with the browser's own HTML5 drag events (the admin
 * ships no drag library). Spread `rowProps(id)` on a row (antd Table `onRow`); a drop moves the
 * dragged row to the place of the row it was dropped on and calls `onReorder` with the new ids.
 */
export function useRowDrag(ids: readonly number[], onReorder: (ids: number[]) => void) {
  const [dragged, setDragged] = useState<number | null>(null)
  const [target, setTarget] = useState<number | null>(null)

  const finish = () => {
    setDragged(null)
    setTarget(null)
  }

  const rowProps = (id: number): HTMLAttributes<HTMLElement> & { draggable: boolean } => ({
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move'
      // Firefox starts no drag without data.
      event.dataTransfer.setData('text/plain', String(id))
      setDragged(id)
    },
    onDragOver: (event: DragEvent) => {
      if (dragged === null) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
      if (target !== id) setTarget(id)
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault()
      if (dragged !== null && dragged !== id) {
        onReorder(moveItem(ids, ids.indexOf(dragged), ids.indexOf(id)))
      }
      finish()
    },
    onDragEnd: finish,
    style: { cursor: 'grab', ...(id === dragged ? DRAGGED : id === target ? DROP_TARGET : {}) },
  })

  return { rowProps }
}
