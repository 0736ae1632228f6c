import { useInvalidate } from '@refinedev/core'
import { Alert, App, Button, List, Modal, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api } from '../../api/http_client'
import { resourcePaths } from '../../resources/resource_paths'
import { clientName, type ClientRecord } from '../client_record'
import type { DuplicateCandidate } from './duplicate_candidate'
import { MergeConfirmation } from './merge_confirmation'
import { useDuplicates } from './use_duplicates'
import { errorMessage } from '../../feedback/error_message'

interface DuplicatesModalProps {
  client: ClientRecord
  canMerge: boolean
  onClose: () => void
}

/**
 * Clients sharing a phone or e-mail with this one (C12), and the way to merge one of them:
 * the list first, then the confirmation step for the chosen pair.
 */
export function DuplicatesModal({ client, canMerge, onClose }: DuplicatesModalProps) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const navigate = useNavigate()
  const invalidate = useInvalidate()
  const [chosen, setChosen] = useState<DuplicateCandidate | null>(null)
  const [merging, setMerging] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const duplicates = useDuplicates(client.id)

  const merge = async (survivorId: number) => {
    if (!chosen) return
    setMerging(true)
    setFailure(null)
    try {
      await api.post(`/api/clients/${client.id}/merge`, {
        otherId: chosen.id,
        survivorId,
        confirm: true,
      })
      notification.success({ message: t('clients.merge.done') })
      await invalidate({ resource: 'clients', invalidates: ['list', 'detail', 'many'] })
      onClose()
      if (survivorId !== client.id) navigate(resourcePaths('clients').show(survivorId))
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setMerging(false)
    }
  }

  return (
    <Modal
      open
      title={t('clients.merge.title', { name: clientName(client) })}
      footer={null}
      onCancel={onClose}
      width={640}
    >
      <div data-testid="duplicates-modal">
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        {duplicates.error && <Alert type="error" showIcon message={duplicates.error} />}
        {duplicates.hidden > 0 && !chosen && (
          <Alert
            type="info"
            showIcon
            data-testid="duplicates-hidden"
            message={t('clients.merge.hidden', { count: duplicates.hidden })}
            style={{ marginBottom: 16 }}
          />
        )}
        {chosen ? (
          <MergeConfirmation
            client={client}
            other={chosen}
            merging={merging}
            onBack={() => setChosen(null)}
            onConfirm={merge}
          />
        ) : (
          <List
            loading={duplicates.loading}
            dataSource={duplicates.candidates}
            locale={{ emptyText: t('clients.merge.none') }}
            data-testid="duplicates-list"
            renderItem={(candidate) => (
              <List.Item
                data-testid="duplicate-candidate"
                actions={
                  canMerge
                    ? [
                        <Button
                          key="merge"
                          danger
                          data-testid="merge-start"
                          onClick={() => setChosen(candidate)}
                        >
                          {t('clients.merge.start')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Link to={resourcePaths('clients').show(candidate.id)} onClick={onClose}>
                      {clientName(candidate)} (#{candidate.id})
                    </Link>
                  }
                  description={
                    <Tag>
                      {t(`clients.merge.reasons.${candidate.reason}`, {
                        defaultValue: candidate.reason,
                      })}
                    </Tag>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </div>
    </Modal>
  )
}
