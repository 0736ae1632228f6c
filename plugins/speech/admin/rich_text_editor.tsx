import Highlight from '@tiptap/extension-highlight'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useState } from 'react'
import type { ScriptVariable } from './definitions'
import { EditorToolbar } from './editor_toolbar'
import { VariableMarks, variableMarksKey } from './variable_marks'
import { VariableMenu } from './variable_menu'
import './speech.css'

/** The campaign's variable names, swapped in place so the editor's plugin always reads the latest. */
class KnownVariables {
  #names = new Set<string>()
  has(name: string) {
    return this.#names.has(name)
  }
  replace(names: string[]) {
    this.#names = new Set(names)
  }
}

interface RichTextEditorProps {
  /** Read once: remount the editor (a `key`) to load another text. */
  initialHtml: string
  onChange: (html: string) => void
  variables: ScriptVariable[]
  /** Set when the insert menu cannot offer variables yet (no campaign chosen). */
  variablesUnavailable?: string
}

/**
 * The script editor (S1): TipTap with the formatting the server keeps (backend script_html.ts:
 * paragraphs, headings 1–3, bold, italic, underline, strike, lists, links, highlight), the
 * insert-variable menu and the marks on known and unknown `{{…}}` tokens (S2).
 */
export default function RichTextEditor(props: RichTextEditorProps) {
  const { onChange, variables } = props
  const [known] = useState(() => new KnownVariables())
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3] },
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
      Highlight,
      VariableMarks.configure({ isKnown: (name) => known.has(name) }),
    ],
    content: props.initialHtml,
    immediatelyRender: true,
    // The toolbar reflects the selection (bold on, heading level…).
    shouldRerenderOnTransaction: true,
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  })

  // New variables (another campaign, or the list arriving) repaint the token marks.
  useEffect(() => {
    known.replace(variables.map((variable) => variable.name))
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(variableMarksKey, true))
  }, [editor, known, variables])

  return (
    <div className="speech-editor" data-testid="script-editor">
      <EditorToolbar
        editor={editor}
        extra={
          <VariableMenu
            variables={variables}
            disabledReason={props.variablesUnavailable}
            onInsert={(name) => editor.chain().focus().insertContent(`{{${name}}}`).run()}
          />
        }
      />
      <EditorContent editor={editor} />
    </div>
  )
}
