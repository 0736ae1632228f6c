import {
  BoldOutlined,
  ClearOutlined,
  HighlightOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import type { Editor } from '@tiptap/react'
import { Button, Divider, Input, Popover, Select, Space, Tooltip } from 'antd'
import { type ReactNode, useState } from 'react'
import { useMessages } from './use_messages'

function ToolButton(props: {
  label: string
  icon: ReactNode
  active?: boolean
  disabled?: boolean
  testId: string
  onClick: () => void
}) {
  return (
    <Tooltip title={props.label}>
      <Button
        size="small"
        type={props.active ? 'primary' : 'text'}
        icon={props.icon}
        aria-label={props.label}
        aria-pressed={props.active}
        disabled={props.disabled}
        data-testid={props.testId}
        // Keeps the selection in the editor while clicking the button.
        onMouseDown={(event) => event.preventDefault()}
        onClick={props.onClick}
      />
    </Tooltip>
  )
}

/** URL input for the link button: an empty address removes the link. */
function LinkButton({ editor, active }: { editor: Editor; active: boolean }) {
  const t = useMessages()
  const [open, setOpen] = useState(false)
  const [href, setHref] = useState('')
  const apply = () => {
    const url = href.trim()
    const chain = editor.chain().focus().extendMarkRange('link')
    if (url) chain.setLink({ href: url }).run()
    else chain.unsetLink().run()
    setOpen(false)
  }
  const content = (
    <Space.Compact style={{ width: 340 }}>
      <Input
        autoFocus
        value={href}
        placeholder={t('toolbar.linkUrl')}
        data-testid="link-url"
        onChange={(event) => setHref(event.target.value)}
        onPressEnter={apply}
      />
      <Button type="primary" onClick={apply} data-testid="link-apply">
        {t('toolbar.linkApply')}
      </Button>
    </Space.Compact>
  )
  return (
    <Popover
      open={open}
      trigger="click"
      content={content}
      onOpenChange={(next) => {
        if (next) setHref(String(editor.getAttributes('link').href ?? ''))
        setOpen(next)
      }}
    >
      <span>
        <ToolButton
          label={t('toolbar.link')}
          icon={<LinkOutlined />}
          active={active}
          testId="tool-link"
          onClick={() => {}}
        />
      </span>
    </Popover>
  )
}

/** Bold, italic, underline, strike, headings, lists, link, highlight, undo/redo (S1). */
export function EditorToolbar({ editor, extra }: { editor: Editor; extra?: ReactNode }) {
  const t = useMessages()
  // The editor re-renders on every transaction (rich_text_editor.tsx), so reading it here is
  // current; a script is short enough for that to cost nothing.
  const state = {
    heading: ([1, 2, 3] as const).find((level) => editor.isActive('heading', { level })) ?? 0,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    highlight: editor.isActive('highlight'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    link: editor.isActive('link'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  }
  const run = () => editor.chain().focus()

  return (
    <div className="speech-editor-toolbar" data-testid="editor-toolbar">
      <Select
        size="small"
        style={{ width: 120 }}
        value={state.heading}
        data-testid="tool-heading"
        onChange={(level: number) =>
          level === 0
            ? run().setParagraph().run()
            : run()
                .setHeading({ level: level as 1 | 2 | 3 })
                .run()
        }
        options={[
          { value: 0, label: t('toolbar.paragraph') },
          ...[1, 2, 3].map((level) => ({ value: level, label: t('toolbar.heading', { level }) })),
        ]}
      />
      <Divider type="vertical" />
      <ToolButton
        label={t('toolbar.bold')}
        icon={<BoldOutlined />}
        active={state.bold}
        testId="tool-bold"
        onClick={() => run().toggleBold().run()}
      />
      <ToolButton
        label={t('toolbar.italic')}
        icon={<ItalicOutlined />}
        active={state.italic}
        testId="tool-italic"
        onClick={() => run().toggleItalic().run()}
      />
      <ToolButton
        label={t('toolbar.underline')}
        icon={<UnderlineOutlined />}
        active={state.underline}
        testId="tool-underline"
        onClick={() => run().toggleUnderline().run()}
      />
      <ToolButton
        label={t('toolbar.strike')}
        icon={<StrikethroughOutlined />}
        active={state.strike}
        testId="tool-strike"
        onClick={() => run().toggleStrike().run()}
      />
      <ToolButton
        label={t('toolbar.highlight')}
        icon={<HighlightOutlined />}
        active={state.highlight}
        testId="tool-highlight"
        onClick={() => run().toggleHighlight().run()}
      />
      <Divider type="vertical" />
      <ToolButton
        label={t('toolbar.bulletList')}
        icon={<UnorderedListOutlined />}
        active={state.bulletList}
        testId="tool-bullet-list"
        onClick={() => run().toggleBulletList().run()}
      />
      <ToolButton
        label={t('toolbar.orderedList')}
        icon={<OrderedListOutlined />}
        active={state.orderedList}
        testId="tool-ordered-list"
        onClick={() => run().toggleOrderedList().run()}
      />
      <LinkButton editor={editor} active={state.link} />
      <Divider type="vertical" />
      <ToolButton
        label={t('toolbar.undo')}
        icon={<UndoOutlined />}
        disabled={!state.canUndo}
        testId="tool-undo"
        onClick={() => run().undo().run()}
      />
      <ToolButton
        label={t('toolbar.redo')}
        icon={<RedoOutlined />}
        disabled={!state.canRedo}
        testId="tool-redo"
        onClick={() => run().redo().run()}
      />
      <ToolButton
        label={t('toolbar.clear')}
        icon={<ClearOutlined />}
        testId="tool-clear"
        onClick={() => run().unsetAllMarks().clearNodes().run()}
      />
      {extra && (
        <>
          <Divider type="vertical" />
          {extra}
        </>
      )}
    </div>
  )
}
