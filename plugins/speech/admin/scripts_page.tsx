import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons'
import { ApiErrorResult, useActionFeedback } from '@tablero/admin'
import { Button, Card, Flex, Popconfirm, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Script } from './definitions'
import { SPEECH_PATH } from './script_editor'
import { ScriptPreviewModal } from './script_preview_modal'
import { useMessages } from './use_messages'
import { useCampaigns, useScripts, useScriptWrites } from './use_speech_data'

/** Campaigns nobody wrote a script for yet: the supervisor's to-do list. */
function CampaignsWithoutScript({ scripts }: { scripts: Script[] }) {
  const t = useMessages()
  const { campaigns } = useCampaigns()
  const covered = new Set(scripts.map((script) => script.campaign.id))
  const missing = campaigns.filter((campaign) => !covered.has(campaign.id))
  if (missing.length === 0) return null
  return (
    <Typography.Paragraph type="secondary">
      {t('scripts.withoutScript', { names: '' })}
      {missing.map((campaign, index) => (
        <span key={campaign.id}>
          {index > 0 && ', '}
          <Link to={`${SPEECH_PATH}/new?campaign=${campaign.id}`}>{campaign.name}</Link>
        </span>
      ))}
    </Typography.Paragraph>
  )
}

/** `/speech`: one script per campaign (S1), opened to edit, previewed or deleted. */
export default function ScriptsPage() {
  const t = useMessages()
  const runAction = useActionFeedback()
  const { scripts, query, reload } = useScripts()
  const writes = useScriptWrites()
  const [previewing, setPreviewing] = useState<Script | null>(null)

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => reload()} />

  const remove = async (script: Script) => {
    await runAction(() => writes.remove(script.id), t('scripts.deleted', { title: script.title }))
    void reload()
  }

  return (
    <Card data-testid="speech-scripts">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('scripts.title')}
        </Typography.Title>
        <Link to={`${SPEECH_PATH}/new`}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-script">
            {t('scripts.new')}
          </Button>
        </Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('scripts.intro')}</Typography.Paragraph>
      <CampaignsWithoutScript scripts={scripts} />
      <Table<Script>
        rowKey="id"
        dataSource={scripts}
        loading={query.isFetching}
        pagination={false}
        locale={{ emptyText: t('scripts.empty') }}
        columns={[
          { title: t('common.campaign'), key: 'campaign', render: (_, row) => row.campaign.name },
          {
            title: t('scripts.name'),
            key: 'title',
            render: (_, row) => (
              <Link to={`${SPEECH_PATH}/${row.id}`} data-testid={`script-link-${row.id}`}>
                {row.title}
              </Link>
            ),
          },
          { title: t('scripts.version'), dataIndex: 'version', width: 100 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 1,
            render: (_, row) => (
              <Space>
                <Link to={`${SPEECH_PATH}/${row.id}`}>
                  <Button size="small" icon={<EditOutlined />}>
                    {t('common.edit')}
                  </Button>
                </Link>
                <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(row)}>
                  {t('scripts.preview')}
                </Button>
                <Popconfirm
                  title={t('scripts.deleteTitle', { title: row.title })}
                  description={
                    <Typography.Paragraph style={{ maxWidth: 300, marginBottom: 0 }}>
                      {t('scripts.deleteText')}
                    </Typography.Paragraph>
                  }
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(row)}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid={`script-delete-${row.id}`}
                  >
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {previewing && (
        <ScriptPreviewModal
          title={previewing.title}
          campaignId={previewing.campaign.id}
          variables={[]}
          saved
          onClose={() => setPreviewing(null)}
        />
      )}
    </Card>
  )
}
