import { Card, Flex, Skeleton, Typography } from 'antd'
import type { ReactNode } from 'react'

interface ScreenFrameProps {
  'title': ReactNode
  /** Buttons on the right of the title. */
  'extra'?: ReactNode
  'loading'?: boolean
  'children': ReactNode
  'data-testid'?: string
}

/**
 * The frame of a screen: title, actions, content on a card. Built on antd alone because
 * @refinedev/antd ships as one module: any of its page components used here would be pulled
 * into the shell's first download, which stays under its 400 kB budget.
 */
export function ScreenFrame({ title, extra, loading, children, ...rest }: ScreenFrameProps) {
  return (
    <Card data-testid={rest['data-testid']}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {loading ? <Skeleton active /> : children}
    </Card>
  )
}
