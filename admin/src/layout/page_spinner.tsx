import { Flex, Spin } from 'antd'

/** Placeholder while a lazy page, a plugin module or the metadata is on its way. */
export function PageSpinner({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </Flex>
  )
}
