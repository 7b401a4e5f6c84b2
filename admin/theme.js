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
  if (framed) startAfterFirstPaint()
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

  /*
   * The page with the board's first frame holds the app's scripts in a
   * template (backend/services/first_frame.ts): they are added once the frame
   * is on screen. Fetched and parsed with it, the app's script (about 1.5 MB)
   * takes the cores that draw the frame's pixels, and the cards show
   * hundreds of ms later on a small machine. A page that paints nothing soon
   * (a tab in the background, the frame not shown: a narrow screen or the
   * other colour mode) starts them once it is read; a page whose paint is
   * late starts them after AT_THE_LATEST_MS anyway.
   */
  function startAfterFirstPaint() {
    var AT_THE_LATEST_MS = 1000
    var started = false
    var painted = false
    function start() {
      if (started) return
      // the server's, after the frame (in the body itself: nothing drawn in the frame can pose as it)
      var held = document.querySelector('body > template#mc-app-scripts')
      // not read yet: once it is (the page went out without its frame: its scripts are plain tags)
      if (!held) return
      started = true
      var tags = held.content.children
      for (var i = 0; i < tags.length; i++) {
        // a new element: one taken from a template would not run
        var tag = document.createElement(tags[i].tagName)
        for (var j = 0; j < tags[i].attributes.length; j++) {
          tag.setAttribute(tags[i].attributes[j].name, tags[i].attributes[j].value)
        }
        document.body.appendChild(tag)
      }
    }
    var told = false
    try {
      told = PerformanceObserver.supportedEntryTypes.indexOf('paint') !== -1
      new PerformanceObserver(function (list) {
        if (!list.getEntriesByName('first-contentful-paint').length) return
        painted = true
        start()
      }).observe({ type: 'paint', buffered: true })
    } catch (e) {}
    document.addEventListener('DOMContentLoaded', function () {
      var frame = document.getElementById('mc-first-frame')
      var shown = frame && frame.getClientRects().length > 0
      if (painted || !shown || document.visibilityState !== 'visible') start()
      else if (!told) {
        // a browser that does not tell its paints: after its next frame
        requestAnimationFrame(function () {
          setTimeout(start, 0)
        })
      } else setTimeout(start, AT_THE_LATEST_MS)
    })
  }
})()
