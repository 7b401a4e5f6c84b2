/**
 * antd's styles for the admin's first paint, computed at build time: prints
 * JSON `{ light, dark }`, the CSS of the components the shell and the board
 * draw first, for each colour mode, as antd would generate them in the
 * browser (same theme: RefineThemes.Blue with the mode's algorithm).
 *
 * Each stylesheet ends with antd's own record of which styles it holds
 * (`.data-ant-cssinjs-cache-path`): antd reads it on its first render and
 * skips computing, serializing and inserting those styles at runtime
 * (200+ kB of CSS, a few hundred ms on a small machine). Components not
 * listed here, another mode, or a stylesheet that did not load: antd
 * generates their styles in the page as before.
 *
 * Run by admin/vite.config.ts in a process of its own: antd names its
 * classes `css-dev-only-…` unless NODE_ENV is production when it loads.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
if (process.env.NODE_ENV !== 'production') {
  throw new Error('antd_styles.js must run with NODE_ENV=production')
}
const { createElement: h } = require('react')
const { renderToString } = require('react-dom/server')
const antd = require('antd')
const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs')
const { RefineThemes } = require('@refinedev/antd')
// the page title of Refine's List (the board's too)
const { PageHeader } = require('@ant-design/pro-layout')

const { App, Badge, Button, ConfigProvider, Dropdown, Empty, Flex, Layout, Menu, Modal } = antd
const { Popconfirm, Popover, Space, Switch, Tag, Tooltip, Typography, theme } = antd

/** What the layout, the top bar and the board draw on a first load. */
const FIRST_PAINT = [
  h(
    Layout,
    { key: 'layout' },
    h(Layout.Sider, null, h(Menu, { items: [{ key: 'board', label: 'Board' }] })),
    h(Layout.Header),
    h(Layout.Content)
  ),
  h(Button, { key: 'button' }, 'Button'),
  h(Typography.Text, { key: 'text' }, 'Text'),
  h(Typography.Title, { key: 'title' }, 'Title'),
  h(Typography.Paragraph, { key: 'paragraph' }, 'Paragraph'),
  h(Space, { key: 'space' }, 'Space'),
  h(Flex, { key: 'flex' }),
  h(Tooltip, { key: 'tooltip', title: 'Tooltip' }, h('span')),
  h(Popover, { key: 'popover', content: 'Popover' }, h('span')),
  h(Popconfirm, { key: 'popconfirm', title: 'Popconfirm' }, h('span')),
  h(Dropdown, { key: 'dropdown', menu: { items: [] } }, h('span')),
  h(Badge, { key: 'badge', count: 1 }),
  h(Tag, { key: 'tag' }, 'Tag'),
  h(Tag, { key: 'tag-color', color: 'blue' }, 'Tag'),
  h(PageHeader, { key: 'page-header', title: 'Title', extra: h(Button, null, 'Create') }),
  h(Switch, { key: 'switch' }),
  h(Modal, { key: 'modal', open: false }),
  h(Empty, { key: 'empty' }),
]

function stylesFor(algorithm) {
  const cache = createCache()
  renderToString(
    h(
      StyleProvider,
      { cache },
      h(ConfigProvider, { theme: { ...RefineThemes.Blue, algorithm } }, h(App, null, FIRST_PAINT))
    )
  )
  const css = extractStyle(cache, { plain: true, types: ['style', 'token', 'cssVar'] })
  if (css.includes('css-dev-only')) throw new Error('antd computed its development class names')
  return css
}

process.stdout.write(
  JSON.stringify({
    light: stylesFor(theme.defaultAlgorithm),
    dark: stylesFor(theme.darkAlgorithm),
  })
)
