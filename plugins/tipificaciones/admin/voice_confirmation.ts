import { isApiError } from '@tablero/admin'
import { App } from 'antd'
import type { Campaign } from './definitions'
import type { Translate } from './use_messages'

/**
 * T5, seed 001: an action means nothing to a voice campaign. When a result (or an import) with
 * an action goes to voice campaigns, the API answers 409 VOICE_IGNORES_ACTION; the supervisor
 * is asked, and only a yes resends the request with `confirmVoiceIgnoresAction`.
 */
export function useVoiceConfirmation(t: Translate) {
  const { modal } = App.useApp()

  const ask = (voiceCampaigns: Campaign[]) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('voice.title'),
        content: t(voiceCampaigns.length === 1 ? 'voice.text.one' : 'voice.text', {
          names: voiceNames(voiceCampaigns) || '—',
        }),
        okText: t('voice.confirm'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'voice-confirm' },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      })
    })

  /** Resolves to the answer, or null when the supervisor declined. */
  return async function sendConfirmingVoice<T>(
    send: (confirmed: boolean) => Promise<T>,
    voiceCampaigns: Campaign[]
  ): Promise<T | null> {
    try {
      return await send(false)
    } catch (error) {
      if (!isApiError(error) || error.code !== 'VOICE_IGNORES_ACTION') throw error
      if (!(await ask(voiceCampaigns))) return null
      return send(true)
    }
  }
}

export function voiceCampaignsAmong(campaigns: Campaign[], ids: number[]) {
  return campaigns.filter(
    (campaign) => ids.includes(campaign.id) && campaign.type === 'inbound_voice'
  )
}

/** «Voz 1», «Voz 2»: how the voice warnings name the campaigns (one or many: `voice.*.one`). */
export function voiceNames(campaigns: Campaign[]) {
  return campaigns.map((campaign) => `«${campaign.name}»`).join(', ')
}
