/*
 * Before the app's script: the colour theme the person chose last on this
 * device (admin/src/lib/theme.tsx keeps it in localStorage, the server keeps
 * it for the person), so a dark page never flashes white while the app loads.
 * A file, not an inline script: the Content-Security-Policy allows only ours.
 * It also links antd's styles computed by the build for the page's mode
 * (admin/vite.config.ts names both files on this script's tag).
 */
;(function () {
  var dark = false
  try {
    var chosen = localStorage.getItem('mc.theme')
    dark =
      chosen === 'dark' ||
      ((!chosen || chosen === 'system') &&
        window.matchMedia('(prefers-color-scheme: dark)').matches)
  } catch (e) {}
  var root = document.documentElement
  root.dataset.theme = dark ? 'dark' : 'light'
  root.style.colorScheme = dark ? 'dark' : 'light'
  root.style.backgroundColor = dark ? '#000' : '#f5f5f5'
  var script = document.currentScript
  var href = script && script.getAttribute(dark ? 'data-antd-dark' : 'data-antd-light')
  if (href) {
    var styles = document.createElement('link')
    styles.rel = 'stylesheet'
    styles.id = 'antd-styles'
    styles.href = href
    document.head.appendChild(styles)
  }
})()
