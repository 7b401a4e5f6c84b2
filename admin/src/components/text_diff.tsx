import { diffWords } from 'diff'
import { Typography, theme } from 'antd'

/**
 * A word diff of two texts: removed words struck through in red, added ones
 * in green. `before` null: everything is new.
 */
export function TextDiff({ before, after }: { before: string | null; after: string }) {
  const { token } = theme.useToken()
  const parts = diffWords(before ?? '', after)
  return (
    <Typography.Paragraph
      data-testid="text-diff"
      style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: token.fontFamily }}
    >
      {parts.map((part, index) =>
        part.added ? (
          <ins
            key={index}
            style={{ background: token.colorSuccessBg, textDecoration: 'none', padding: '0 1px' }}
          >
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} style={{ background: token.colorErrorBg, color: token.colorError }}>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        )
      )}
    </Typography.Paragraph>
  )
}
