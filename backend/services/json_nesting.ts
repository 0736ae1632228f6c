import { fieldInputError } from '#resources/errors'

/**
 * How deep any JSON a client sends may nest. Every document the API takes
 * (resource rows, filter trees, plugin settings) stays well under this;
 * JSON.parse reads deeper ones without trouble, but a recursive walk
 * (JSON.stringify, String() of an array, a JSON.parse reviver) runs out of
 * stack at a few thousand levels, so nothing deeper gets past the door.
 */
export const MAX_JSON_NESTING = 64

type Container = Record<string, unknown> | unknown[]

/**
 * Walks a parsed JSON value with an explicit stack (never recursion),
 * handing every object and array to `visit` (which may rewrite their
 * members), and refuses it with a 422 as soon as it nests deeper than
 * MAX_JSON_NESTING. The error names `field`, the value's place in the
 * request (`filter`).
 */
export function walkJson(value: unknown, field: string, visit?: (container: Container) => void) {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth > MAX_JSON_NESTING) {
      throw fieldInputError(field, `JSON may nest at most ${MAX_JSON_NESTING} levels`, 'nesting', {
        max: MAX_JSON_NESTING,
      })
    }
    const container = node as Container
    visit?.(container)
    for (const child of Object.values(container)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
}
