import { EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons'
import {
  ApiErrorResult,
  FieldValue,
  useActionFeedback,
  useResourceDescription,
} from '@tablero/admin'
import { Button, Card, Flex, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { Link } from 'react-router'
import { customFieldsApi } from './custom_fields_api'
import type { Profile } from './definitions'
import { ProfileFormModal } from './profile_form_modal'
import { RetireRestoreButton } from './retire_restore_button'
import { StatusTag } from './status_tag'
import { useMessages } from './use_messages'
import { useProfiles } from './use_profiles'

export const profilePagePath = (profile: { id: number }) => `/custom-fields/${profile.id}`

function FieldCount({ profile }: { profile: Profile }) {
  const t = useMessages()
  const active = profile.fields.filter((field) => field.status === 'active').length
  const retired = profile.fields.length - active
  return (
    <Space size={4}>
      <span>{active}</span>
      {retired > 0 && (
        <Typography.Text type="secondary">
          {t('profiles.retiredFields', { count: retired })}
        </Typography.Text>
      )}
    </Space>
  )
}

/** The supervisor's entry point (P1): every profile, its campaigns, state and field count. */
export default function ProfilesPage() {
  const t = useMessages()
  const { profiles, query, reload } = useProfiles()
  // The campaigns column is the resource's relations field, shown as the generated list shows it.
  const campaignsField = useResourceDescription('cf_profiles')?.fields.find(
    (field) => field.name === 'campaigns'
  )
  const runAction = useActionFeedback()
  const [editing, setEditing] = useState<{ profile: Profile | null } | null>(null)

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => reload()} />

  const retire = (profile: Profile) =>
    runAction(
      () => customFieldsApi.retireProfile(profile.id),
      t('profile.retired', { name: profile.name })
    ).then(reload)
  const restore = (profile: Profile) =>
    runAction(
      () => customFieldsApi.restoreProfile(profile.id),
      t('profile.restored', { name: profile.name })
    ).then(reload)

  const columns: ColumnsType<Profile> = [
    {
      title: t('profiles.name'),
      key: 'name',
      render: (_, profile) => (
        <Space direction="vertical" size={0}>
          <Link
            to={profilePagePath(profile)}
            data-testid={`profile-link-${profile.id}`}
            style={{ fontWeight: 600 }}
          >
            {profile.name}
          </Link>
          {profile.description && (
            <Typography.Text type="secondary">{profile.description}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('profiles.campaigns'),
      key: 'campaigns',
      render: (_, profile) =>
        profile.campaignIds.length === 0 || !campaignsField ? (
          <Typography.Text type="secondary">{t('profiles.noCampaigns')}</Typography.Text>
        ) : (
          <FieldValue field={campaignsField} value={profile.campaignIds} />
        ),
    },
    {
      title: t('profiles.status'),
      key: 'status',
      render: (_, profile) => <StatusTag status={profile.status} />,
    },
    { title: t('profiles.fields'), key: 'fields', render: (_, p) => <FieldCount profile={p} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, profile) => (
        <Space wrap>
          <Link to={profilePagePath(profile)}>
            <Button icon={<UnorderedListOutlined />}>{t('profiles.openFields')}</Button>
          </Link>
          <Button
            icon={<EditOutlined />}
            data-testid={`edit-profile-${profile.id}`}
            onClick={() => setEditing({ profile })}
          >
            {t('common.edit')}
          </Button>
          <RetireRestoreButton
            status={profile.status}
            question={t('profile.retireTitle', { name: profile.name })}
            explanation={t('profile.retireText')}
            onRetire={() => retire(profile)}
            onRestore={() => restore(profile)}
            testId={`profile-${profile.id}`}
          />
        </Space>
      ),
    },
  ]

  return (
    <Card data-testid="custom-fields-profiles">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('profiles.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="new-profile"
          onClick={() => setEditing({ profile: null })}
        >
          {t('profiles.new')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('profiles.intro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={profiles}
        loading={query.isLoading}
        pagination={false}
        locale={{ emptyText: t('profiles.empty') }}
      />
      {editing && (
        <ProfileFormModal
          profile={editing.profile}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            void reload()
          }}
        />
      )}
    </Card>
  )
}
