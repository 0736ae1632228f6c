import { UndoOutlined } from '@ant-design/icons'
import { useNotification } from '@refinedev/core'
import { ApiErrorResult, isApiError, useSessionUser } from '@tablero/admin'
import { Button, Drawer, List, Popconfirm, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { Script, ScriptVersion } from './definitions'
import { ScriptView } from './script_view'
import { useMessages } from './use_messages'
import { useScriptVersions, useScriptWrites } from './use_speech_data'

function useFormatInstant() {
  const user = useSessionUser()
  return (iso: string | null) => {
    if (!iso) return ''
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' }
    try {
      return new Intl.DateTimeFormat(user?.locale ?? 'es', {
        ...options,
        timeZone: user?.timezone || undefined,
      }).format(new Date(iso))
    } catch {
      return new Intl.DateTimeFormat(user?.locale ?? 'es', options).format(new Date(iso))
    }
  }
}

interface VersionHistoryDrawerProps {
  script: Script
  onClose: () => void
  onRestored: () => void
}

/**
 * S4: every saved version, newest first, with its author and time; any one can be read and
 * restored (after a confirmation). Restoring writes it as a new version: history only grows.
 */
export function VersionHistoryDrawer({ script, onClose, onRestored }: VersionHistoryDrawerProps) {
  const t = useMessages()
  const format = useFormatInstant()
  const { open } = useNotification()
  const { versions, query } = useScriptVersions(script.id)
  const writes = useScriptWrites()
  const [shown, setShown] = useState<number | null>(null)

  /** Restoring saves the old text again, as a new version: history only grows. */
  const restore = async ({ version, title, html }: ScriptVersion) => {
    try {
      const saved = await writes.update(script.id, { title, html })
      open?.({
        type: 'success',
        message: t('history.restored', { version, current: saved.version }),
      })
      onRestored()
    } catch (error) {
      open?.({ type: 'error', message: isApiError(error) ? error.message : String(error) })
    }
  }

  return (
    <Drawer open width={560} title={t('history.title')} onClose={onClose} destroyOnHidden>
      {query.isError ? (
        <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <List
          loading={query.isFetching}
          dataSource={versions}
          data-testid="version-history"
          renderItem={(version) => (
            <List.Item
              data-testid={`version-${version.version}`}
              actions={[
                <Button
                  key="show"
                  size="small"
                  type="link"
                  onClick={() => setShown(shown === version.id ? null : version.id)}
                >
                  {shown === version.id ? t('history.hide') : t('history.show')}
                </Button>,
                version.version !== script.version && (
                  <Popconfirm
                    key="restore"
                    title={t('history.restoreTitle', { version: version.version })}
                    description={
                      <Typography.Paragraph style={{ maxWidth: 300, marginBottom: 0 }}>
                        {t('history.restoreText')}
                      </Typography.Paragraph>
                    }
                    okText={t('history.restore')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => restore(version)}
                  >
                    <Button
                      size="small"
                      icon={<UndoOutlined />}
                      data-testid={`restore-version-${version.version}`}
                    >
                      {t('history.restore')}
                    </Button>
                  </Popconfirm>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <span>{t('editor.versionTag', { version: version.version })}</span>
                    {version.version === script.version && (
                      <Tag color="green">{t('history.current')}</Tag>
                    )}
                  </Space>
                }
                description={
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Typography.Text>{version.title}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('history.by', {
                        name: version.author?.name ?? '—',
                        date: format(version.createdAt),
                      })}
                    </Typography.Text>
                    {shown === version.id && (
                      <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
                        <ScriptView html={version.html} />
                      </div>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  )
}
