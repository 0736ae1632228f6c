import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  ApiError,
  ApiErrorResult,
  FieldValue,
  useLocalize,
  useActionFeedback,
  useResourceDescription,
} from '@tablero/admin'
import { Alert, Button, Card, Col, Flex, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { AgentFormPreview } from './agent_form_preview'
import { ChangeTypeModal } from './change_type_modal'
import { customFieldsApi } from './custom_fields_api'
import type { CustomField, Profile } from './definitions'
import { FieldEditor } from './field_editor'
import { FieldTable } from './field_table'
import { toPreviewField, type PreviewField } from './field_values'
import { ProfileFormModal } from './profile_form_modal'
import { StatusTag } from './status_tag'
import { useFieldOrder } from './use_field_order'
import { useMessages } from './use_messages'
import { useProfiles } from './use_profiles'

/** What the agent would see now: active fields in order, the one being edited as typed. */
function previewFields(fields: CustomField[], draft: PreviewField | null): PreviewField[] {
  const shown = fields.filter((field) => field.status === 'active').map(toPreviewField)
  if (!draft) return shown
  if (draft.id < 0) return [...shown, draft]
  return shown.map((field) => (field.id === draft.id ? draft : field))
}

function ProfileHeader({ profile, onEdit }: { profile: Profile; onEdit: () => void }) {
  const t = useMessages()
  const campaignsField = useResourceDescription('cf_profiles')?.fields.find(
    (field) => field.name === 'campaigns'
  )
  return (
    <Card>
      <Link to="/custom-fields">
        <ArrowLeftOutlined /> {t('fields.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 8 }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-title">
            {t('fields.title', { name: profile.name })}
          </Typography.Title>
          <StatusTag status={profile.status} />
        </Space>
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-profile">
          {t('common.edit')}
        </Button>
      </Flex>
      {profile.description && (
        <Typography.Paragraph type="secondary">{profile.description}</Typography.Paragraph>
      )}
      <div style={{ marginTop: 8 }}>
        {profile.campaignIds.length === 0 || !campaignsField ? (
          <Typography.Text type="secondary">{t('profiles.noCampaigns')}</Typography.Text>
        ) : (
          <FieldValue field={campaignsField} value={profile.campaignIds} />
        )}
      </div>
      {profile.status === 'retired' && (
        <Alert type="warning" showIcon message={t('profile.isRetired')} style={{ marginTop: 12 }} />
      )}
    </Card>
  )
}

/**
 * Inside a profile (P2–P5): its fields in order with drag reordering, the add/edit form, type
 * changes, retire/restore, and beside them the agent's form as it will look.
 */
export default function ProfileFieldsPage() {
  const t = useMessages()
  const localize = useLocalize()
  const { profileId } = useParams()
  const { profiles, query, reload } = useProfiles()
  const profile = profiles.find((candidate) => String(candidate.id) === profileId)
  const { fields, reorder } = useFieldOrder(profile, reload)
  const runAction = useActionFeedback()
  const [editor, setEditor] = useState<{ field?: CustomField } | null>(null)
  const [draft, setDraft] = useState<PreviewField | null>(null)
  const [retyping, setRetyping] = useState<CustomField | null>(null)
  const [editingProfile, setEditingProfile] = useState(false)

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => reload()} />
  if (query.isLoading) return <Card loading />
  if (!profile) return <ApiErrorResult error={new ApiError(404, 'NOT_FOUND', '')} />

  const retire = (field: CustomField) =>
    runAction(
      () => customFieldsApi.retireField(field.id),
      t('fields.retired', { label: localize(field.label) })
    ).then(reload)
  const restore = (field: CustomField) =>
    runAction(
      () => customFieldsApi.restoreField(field.id),
      t('fields.restored', { label: localize(field.label) })
    ).then(reload)
  const closeEditor = (saved: boolean) => {
    setEditor(null)
    if (saved) void reload()
  }

  return (
    <Flex vertical gap={16} data-testid="custom-fields-profile">
      <ProfileHeader profile={profile} onEdit={() => setEditingProfile(true)} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            {editor && (
              <FieldEditor
                key={editor.field?.id ?? 'new'}
                profileId={profile.id}
                field={editor.field}
                onDraft={setDraft}
                onClose={closeEditor}
              />
            )}
            <Card
              title={t('profiles.fields')}
              extra={
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={editor !== null}
                  onClick={() => setEditor({})}
                  data-testid="add-field"
                >
                  {t('fields.add')}
                </Button>
              }
            >
              <Typography.Paragraph type="secondary">{t('fields.dragHint')}</Typography.Paragraph>
              <FieldTable
                fields={fields}
                onReorder={(ids) => void reorder(ids)}
                onEdit={(field) => setEditor({ field })}
                onChangeType={setRetyping}
                onRetire={retire}
                onRestore={restore}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10} style={{ position: 'sticky', top: 16 }}>
          <AgentFormPreview fields={previewFields(fields, draft)} />
        </Col>
      </Row>
      {retyping && (
        <ChangeTypeModal
          field={retyping}
          onClose={(changed) => {
            setRetyping(null)
            if (changed) void reload()
          }}
        />
      )}
      {editingProfile && (
        <ProfileFormModal
          profile={profile}
          onClose={() => setEditingProfile(false)}
          onSaved={() => {
            setEditingProfile(false)
            void reload()
          }}
        />
      )}
    </Flex>
  )
}
