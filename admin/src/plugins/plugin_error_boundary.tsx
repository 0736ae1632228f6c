import { Result } from 'antd'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface PluginErrorBoundaryProps {
  plugin: string
  /** Slots render inline inside core screens: a crash there should take little room. */
  compact?: boolean
  children: ReactNode
}

function PluginCrashNotice({ plugin, compact }: { plugin: string; compact?: boolean }) {
  const { t } = useTranslation()
  const message = t('errors.pluginCrashed', { plugin })
  if (compact) return <span title={message}>⚠</span>
  return <Result status="warning" title={message} />
}

/**
 * Keeps one plugin's rendering error inside that plugin's area: the core screen and the other
 * plugins around it stay usable.
 */
export class PluginErrorBoundary extends Component<PluginErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Plugin "${this.props.plugin}" crashed while rendering`, error, info)
  }

  render() {
    if (this.state.failed) {
      return <PluginCrashNotice plugin={this.props.plugin} compact={this.props.compact} />
    }
    return this.props.children
  }
}
