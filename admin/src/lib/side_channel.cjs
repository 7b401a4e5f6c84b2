/*
| `side-channel` for the browser build (aliased in vite.config.ts): qs, which
| Refine reads and writes URLs with, keeps the objects it has seen in one, to
| stop on a cycle. The package reaches for WeakMap through get-intrinsic and
| words its errors with object-inspect (about 30 kB of the first script), for
| engines without WeakMap; every browser the admin supports has Map. A
| CommonJS module, as qs requires it.
*/
module.exports = function getSideChannel() {
  var values = new Map()
  return {
    assert: function (key) {
      if (!values.has(key)) throw new TypeError('Side channel does not contain the given key')
    },
    get: function (key) {
      return values.get(key)
    },
    has: function (key) {
      return values.has(key)
    },
    set: function (key, value) {
      values.set(key, value)
    },
    delete: function (key) {
      return values.delete(key)
    },
  }
}
