import { errorText } from './error_texts'
import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { ApiErrorResult, useActionFeedback } from '@tablero/admin'
import { Button, Card, Empty, Flex, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { ActionHelp } from './action_help'
import type { ResultNode } from './definitions'
import { ResultFormModal, type ResultFormMode } from './result_form_modal'
import { ResultTreeTable } from './result_tree_table'
import { ResultsImportModal } from './results_import_modal'
import { useCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'
import { useResultTree, useResultWrites } from './use_results'

/**
 * The supervisor's result trees (T1–T5): one campaign at a time (kept in `?campaign=` so a
 * reload stays put), new level-1 results for several campaigns, children, edits, CSV import.
 */
export default function ResultsPage() {
  const t = useMessages()
  const [search, setSearch] = useSearchParams()
  const campaignId = Number(search.get('campaign')) || undefined
  const campaigns = useCampaigns(t)
  const { tree, query, reload } = useResultTree(campaignId, true)
  const writes = useResultWrites()
  const runAction = useActionFeedback((error) => errorText(t, error))
  const [editing, setEditing] = useState<ResultFormMode | null>(null)
  const [importing, setImporting] = useState(false)

  const pickCampaign = (id: number | undefined) =>
    setSearch(id ? { campaign: String(id) } : {}, { replace: true })

  const toggleActive = (node: ResultNode) =>
    runAction(
      () => writes.updateResult(node.id, { active: !node.active }),
      t(node.active ? 'results.deactivated' : 'results.activated', { name: node.name })
    ).then(reload)
  const remove = (node: ResultNode) =>
    runAction(() => writes.deleteResult(node.id), t('results.deleted', { name: node.name })).then(
      reload
    )

  return (
    <Card data-testid="tipificaciones-results">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('results.title')}
        </Typography.Title>
        <ActionHelp />
      </Flex>
      <Typography.Paragraph type="secondary">{t('results.intro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 320 }}
          placeholder={t('results.pickCampaign')}
          data-testid="results-campaign"
          value={campaignId}
          onChange={pickCampaign}
          loading={campaigns.loading}
          options={campaigns.options}
          optionFilterProp="label"
          showSearch
        />
        <Space wrap>
          <Button
            icon={<ImportOutlined />}
            disabled={!campaignId}
            data-testid="results-import"
            onClick={() => setImporting(true)}
          >
            {t('results.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!campaignId}
            data-testid="results-new"
            onClick={() => campaignId && setEditing({ kind: 'root', campaignId })}
          >
            {t('results.new')}
          </Button>
        </Space>
      </Flex>
      {!campaignId && <Empty description={t('results.noCampaign')} />}
      {campaignId && query.isError && (
        <ApiErrorResult error={query.error} onRetry={() => reload()} />
      )}
      {campaignId && !query.isError && (
        <ResultTreeTable
          tree={tree}
          loading={query.isFetching}
          onAddChild={(parent) => setEditing({ kind: 'child', parent })}
          onEdit={(node) => setEditing({ kind: 'edit', node })}
          onToggleActive={toggleActive}
          onDelete={remove}
        />
      )}
      {editing && (
        <ResultFormModal
          mode={editing}
          campaigns={campaigns.campaigns}
          campaignOptions={campaigns.options}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            void reload()
          }}
        />
      )}
      {importing && campaignId && (
        <ResultsImportModal
          campaignId={campaignId}
          campaigns={campaigns.campaigns}
          campaignOptions={campaigns.options}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false)
            void reload()
          }}
        />
      )}
    </Card>
  )
}
