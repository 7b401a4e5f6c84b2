/*
 * Before the app's script: the colour theme the person chose last on this
 * device (admin/src/lib/theme.tsx keeps it in localStorage, the server keeps
 * it for the person), so a dark page never flashes white while the app loads.
 * A file, not an inline script: the Content-Security-Policy allows only ours.
 * The build links antd's precomputed light styles just before this script
 * (admin/vite.config.ts); a dark page gets the dark ones instead.
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
  var styles = document.getElementById('antd-styles')
  if (dark && styles && styles.dataset.dark) styles.href = styles.dataset.dark
})()
