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
  // The server draws the board's first frame in the mode this device had last
  // (backend/services/first_frame.ts); drawn in the other one, it is not shown.
  var mode = dark ? 'dark' : 'light'
  var framed = root.getAttribute('data-frame-mode')
  if (framed && framed !== mode) root.setAttribute('data-first-frame', 'off')
  try {
    document.cookie = 'mc-theme=' + mode + '; path=/; max-age=31536000; samesite=lax'
  } catch (e) {}
  var script = document.currentScript
  var href = script && script.getAttribute(dark ? 'data-antd-dark' : 'data-antd-light')
  // the page may link it already (the server does, with the board's first frame)
  var linked = document.getElementById('antd-styles')
  if (href && linked) {
    if (linked.getAttribute('href') !== href) linked.setAttribute('href', href)
  } else if (href) {
    var styles = document.createElement('link')
    styles.rel = 'stylesheet'
    styles.id = 'antd-styles'
    styles.href = href
    // no paint before it is here: the page would show antd's elements unstyled
    styles.setAttribute('blocking', 'render')
    document.head.appendChild(styles)
  }
})()
