import { useState } from 'react'
import { diffWords } from 'diff'
import { Card, Col, Row, Select, Space, Typography, theme } from 'antd'
import type { DraftVersion } from './shared'

/**
 * Two versions side by side: the older on the left with what was removed
 * struck out, the newer on the right with what was added highlighted.
 */
export function VersionCompare({ versions }: { versions: DraftVersion[] }) {
  const { token } = theme.useToken()
  const sorted = [...versions].sort((a, b) => a.version_number - b.version_number)
  const last = sorted.at(-1)?.version_number ?? 1
  const [left, setLeft] = useState(Math.max(1, last - 1))
  const [right, setRight] = useState(last)
  if (sorted.length < 2) return null
  const a = sorted.find((v) => v.version_number === left) ?? sorted[0]
  const b = sorted.find((v) => v.version_number === right) ?? sorted.at(-1)!
  const parts = diffWords(a.content, b.content)
  const options = sorted.map((v) => ({ value: v.version_number, label: `v${v.version_number}` }))
  const text = { whiteSpace: 'pre-wrap' as const, margin: 0 }

  return (
    <Card size="small" title="Compare versions" data-testid="version-compare">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select value={left} onChange={setLeft} options={options} style={{ width: 100 }} />
            <Typography.Paragraph style={text}>
              {parts
                .filter((p) => !p.added)
                .map((p, i) =>
                  p.removed ? (
                    <del
                      key={i}
                      style={{ background: token.colorErrorBg, color: token.colorError }}
                    >
                      {p.value}
                    </del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  )
                )}
            </Typography.Paragraph>
          </Space>
        </Col>
        <Col xs={24} md={12}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select value={right} onChange={setRight} options={options} style={{ width: 100 }} />
            <Typography.Paragraph style={text}>
              {parts
                .filter((p) => !p.removed)
                .map((p, i) =>
                  p.added ? (
                    <ins
                      key={i}
                      style={{ background: token.colorSuccessBg, textDecoration: 'none' }}
                    >
                      {p.value}
                    </ins>
                  ) : (
                    <span key={i}>{p.value}</span>
                  )
                )}
            </Typography.Paragraph>
          </Space>
        </Col>
      </Row>
    </Card>
  )
}
