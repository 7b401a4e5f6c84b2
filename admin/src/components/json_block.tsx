import { Typography } from 'antd'

/** A JSON value, pretty-printed and scrollable. */
export function JsonBlock({ value, maxHeight = 360 }: { value: unknown; maxHeight?: number }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        maxHeight,
        overflow: 'auto',
        background: 'rgba(0, 0, 0, 0.03)',
        borderRadius: 6,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  )
}
