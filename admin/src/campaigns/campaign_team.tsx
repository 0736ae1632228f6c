import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons'
import { useCustom, useList } from '@refinedev/core'
import { Button, Flex, Popconfirm, Select, Table, Tag } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/http_client'
import { useActionFeedback } from '../feedback/use_action_feedback'
import { ApiErrorResult } from '../pages/errors/api_error_result'

export interface TeamMember {
  id: number
  fullName: string
  email?: string
  role?: string
}

/** The campaign's team, read and replaced through /api/campaigns/:id/agents. */
export function useCampaignTeam(campaignId: string | number | undefined) {
  const { query, result } = useCustom<TeamMember[]>({
    url: `/api/campaigns/${campaignId}/agents`,
    method: 'get',
    errorNotification: false,
    queryOptions: { enabled: campaignId !== undefined },
  })
  // Until the first answer, Refine's result holds no list.
  const loaded = Array.isArray(result.data) ? (result.data as TeamMember[]) : null
  const members = campaignId === undefined ? [] : loaded
  const replace = async (userIds: number[]) => {
    await api.put(`/api/campaigns/${campaignId}/agents`, { userIds })
    await query.refetch()
  }
  return {
    members,
    error: query.isError ? query.error : null,
    reload: () => void query.refetch(),
    replace,
  }
}

/**
 * The agents of a campaign (C16): a supervisor adds them with a picker of active agents and
 * removes them after a confirmation. Only agents of the team get its clients and record its
 * gestiones.
 */
export function CampaignTeam({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const { t } = useTranslation()
  const feedback = useActionFeedback()
  const { members, error, reload, replace } = useCampaignTeam(campaignId)
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<number[]>([])
  const { result: agents, query: agentsQuery } = useList<{ id: number; full_name: string }>({
    resource: 'users',
    filters: [
      { field: 'role', operator: 'eq', value: 'agent' },
      { field: 'active', operator: 'eq', value: true },
      ...(search ? [{ field: 'full_name', operator: 'contains' as const, value: search }] : []),
    ],
    sorters: [{ field: 'full_name', order: 'asc' }],
    pagination: { pageSize: 50 },
    queryOptions: { enabled: canEdit },
  })
  const memberIds = useMemo(() => new Set((members ?? []).map((member) => member.id)), [members])
  const options = (agents?.data ?? [])
    .filter((agent) => !memberIds.has(agent.id))
    .map((agent) => ({ value: agent.id, label: agent.full_name }))

  if (error) return <ApiErrorResult error={error} onRetry={reload} />

  const add = () =>
    feedback(
      async () => {
        await replace([...memberIds, ...picked])
        setPicked([])
      },
      t('teams.added', { count: picked.length })
    )

  const remove = (member: TeamMember) =>
    feedback(
      () => replace([...memberIds].filter((id) => id !== member.id)),
      t('teams.removed', { name: member.fullName })
    )

  return (
    <Flex vertical gap={12} data-testid="campaign-team">
      {canEdit && (
        <Flex gap={8}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setSearch}
            // Several agents are usually added from one search ("equipo norte").
            autoClearSearchValue={false}
            loading={agentsQuery.isFetching}
            style={{ minWidth: 320, flex: 1 }}
            placeholder={t('teams.pickAgents')}
            value={picked}
            onChange={setPicked}
            options={options}
            data-testid="team-picker"
          />
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={picked.length === 0}
            onClick={add}
            data-testid="team-add"
          >
            {t('teams.add')}
          </Button>
        </Flex>
      )}
      <Table<TeamMember>
        rowKey="id"
        size="small"
        loading={members === null}
        dataSource={members ?? []}
        pagination={false}
        locale={{ emptyText: t('teams.empty') }}
        columns={[
          { title: t('teams.name'), dataIndex: 'fullName' },
          { title: t('teams.email'), dataIndex: 'email' },
          {
            title: t('teams.role'),
            dataIndex: 'role',
            render: (role?: string) => role && <Tag>{t(`teams.roles.${role}`)}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  width: 60,
                  render: (_: unknown, member: TeamMember) => (
                    <Popconfirm
                      title={t('teams.removeConfirm', { name: member.fullName })}
                      okText={t('teams.remove')}
                      cancelText={t('buttons.cancel')}
                      onConfirm={() => remove(member)}
                    >
                      <Button
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('teams.remove')}
                        data-testid={`team-remove-${member.id}`}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  )
}
