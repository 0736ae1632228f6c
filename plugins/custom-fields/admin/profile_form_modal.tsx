import { placeServerErrors } from '@tablero/admin'
import { useNotification } from '@refinedev/core'
import { Alert, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { customFieldsApi, type ProfileInput } from './custom_fields_api'
import type { Profile } from './definitions'
import { useCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'

interface ProfileFormModalProps {
  /** The profile to edit; none to create one. */
  profile: Profile | null
  onClose: () => void
  onSaved: () => void
}

interface ProfileFormValues {
  name: string
  description?: string
  campaignIds?: number[]
}

/** Name, description and campaigns of a profile (P1); the server's 422s land on the inputs. */
export function ProfileFormModal({ profile, onClose, onSaved }: ProfileFormModalProps) {
  const t = useMessages()
  const { open } = useNotification()
  const campaigns = useCampaigns()
  const [form] = Form.useForm<ProfileFormValues>()
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)

  const save = async () => {
    const values = await form.validateFields()
    const description = values.description?.trim()
    const input: ProfileInput = {
      name: values.name.trim(),
      // An emptied description is cleared on edit and simply left out on create.
      description: description || (profile ? null : undefined),
      campaignIds: values.campaignIds ?? [],
    }
    setSaving(true)
    setBanner(null)
    try {
      if (profile) await customFieldsApi.updateProfile(profile.id, input)
      else await customFieldsApi.createProfile(input)
      open?.({
        type: 'success',
        message: t(profile ? 'profile.saved' : 'profile.created', { name: input.name }),
      })
      onSaved()
    } catch (error) {
      setBanner(placeServerErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={profile ? t('profile.editTitle', { name: profile.name }) : t('profile.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'loading': saving, 'data-testid': 'profile-save' }}
      onOk={() => save().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        data-testid="profile-form"
        initialValues={{
          name: profile?.name ?? '',
          description: profile?.description ?? '',
          campaignIds: profile?.campaignIds ?? [],
        }}
      >
        <Form.Item
          name="name"
          label={t('profile.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, max: 120, message: t('profile.nameLength') },
          ]}
        >
          <Input data-testid="profile-name" maxLength={120} />
        </Form.Item>
        <Form.Item name="description" label={t('profile.description')}>
          <Input.TextArea data-testid="profile-description" maxLength={500} autoSize />
        </Form.Item>
        <Form.Item
          name="campaignIds"
          label={t('profile.campaigns')}
          extra={t('profile.campaignsHelp')}
        >
          <Select
            mode="multiple"
            data-testid="profile-campaigns"
            loading={campaigns.loading}
            options={campaigns.options}
            optionFilterProp="label"
            allowClear
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
