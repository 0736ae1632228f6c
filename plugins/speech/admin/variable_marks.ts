import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { TOKEN, tokenName } from './variable_tokens'

export const variableMarksKey = new PluginKey('speechVariableMarks')

export interface VariableMarksOptions {
  /** Read on every redraw, so the campaign's variables can arrive after the editor. */
  isKnown: (name: string) => boolean
}

/**
 * Paints every `{{…}}` token in the editor: known variables in blue, unknown ones in red with
 * a wavy underline. Decorations only: the text itself is never changed or removed, and the
 * saved HTML carries no trace of them. Tokens are found per paragraph, so one that spans
 * formatting (`{{client.<b>first_name</b>}}`) is still seen.
 */
export const VariableMarks = Extension.create<VariableMarksOptions>({
  name: 'speechVariableMarks',

  addOptions() {
    return { isKnown: () => false }
  },

  addProseMirrorPlugins() {
    const { isKnown } = this.options
    return [
      new Plugin({
        key: variableMarksKey,
        props: {
          decorations(state) {
            const decorations: Decoration[] = []
            state.doc.descendants((node, position) => {
              if (!node.isTextblock) return true
              // One character per leaf (hard break…) keeps text offsets equal to positions.
              const text = node.textBetween(0, node.content.size, undefined, '\uFFFC')
              for (const match of text.matchAll(TOKEN)) {
                const from = position + 1 + match.index
                const known = isKnown(tokenName(match[1]))
                decorations.push(
                  Decoration.inline(from, from + match[0].length, {
                    'class': known ? 'speech-token' : 'speech-token speech-token-unknown',
                    'data-token': known ? 'known' : 'unknown',
                  })
                )
              }
              return false
            })
            return DecorationSet.create(state.doc, decorations)
          },
        },
      }),
    ]
  },
})
