/**
 * A tiny cookie jar over fetch, to exercise sessions the way a browser does:
 * real Set-Cookie headers sent back, and the XSRF-TOKEN cookie echoed as
 * X-XSRF-TOKEN on mutations.
 */
export class BrowserSession {
  #cookies = new Map<string, string>()

  constructor(readonly baseUrl = `http://${process.env.HOST}:${process.env.PORT}`) {}

  cookie(name: string) {
    return this.#cookies.get(name)
  }

  /** Carries a cookie over, as a browser does when a load balancer sends it to another instance. */
  setCookie(name: string, value: string) {
    this.#cookies.set(name, value)
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ) {
    const xsrf = this.#cookies.get('XSRF-TOKEN')
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.#cookies.size
          ? { cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...(xsrf && method !== 'GET' ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    const text = await response.text()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {}
    return { status: response.status, body: json, headers: response.headers }
  }

  get(path: string) {
    return this.request('GET', path)
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {})
  }

  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body ?? {})
  }
}
