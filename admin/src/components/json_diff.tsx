import { diffJson } from 'diff'
import { Typography, theme } from 'antd'

/** Before/after of a record as a line diff of its JSON: removed lines red, added green. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { token } = theme.useToken()
  if (before == null && after == null) return <Typography.Text type="secondary">—</Typography.Text>
  const parts = diffJson((before ?? {}) as object, (after ?? {}) as object)
  return (
    <pre
      data-testid="json-diff"
      style={{ margin: 0, maxHeight: 520, overflow: 'auto', fontSize: 12, lineHeight: 1.5 }}
    >
      {parts.map((part, index) => {
        const lines = part.value.replace(/\n$/, '').split('\n')
        const sign = part.added ? '+ ' : part.removed ? '- ' : '  '
        const style = part.added
          ? { background: token.colorSuccessBg }
          : part.removed
            ? { background: token.colorErrorBg, color: token.colorError }
            : { color: token.colorTextSecondary }
        return (
          <div key={index} style={style}>
            {lines.map((line) => sign + line).join('\n')}
          </div>
        )
      })}
    </pre>
  )
}
