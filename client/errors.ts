/** One entry of the contract's error body: `{"errors":[{message, field?, rule?, code?}]}`. */
export interface ApiErrorItem {
  message: string
  field?: string
  rule?: string
  code?: string
  /** Extra properties some errors carry (`existing_id` on a duplicate lead). */
  [key: string]: unknown
}

/** The server refused the request (any 4xx, or a 429/5xx once retries are used up). */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly errors: ApiErrorItem[]

  constructor(
    readonly status: number,
    body: unknown,
    readonly method: string,
    readonly path: string,
    /** `x-request-id`: quote it when reporting a problem. */
    readonly requestId: string | null = null
  ) {
    const errors = errorItems(body, status)
    super(`${method} ${path} answered ${status}: ${errors.map((e) => e.message).join('; ')}`)
    this.errors = errors
  }

  /** The first error's code (`E_VALIDATION_ERROR`, `E_DUPLICATE_LEAD`, ...). */
  get code(): string | undefined {
    return this.errors.find((e) => e.code)?.code
  }

  /** The id of the record a 409 duplicate collides with, if the server named one. */
  get existingId(): string | undefined {
    const id = this.errors.find((e) => typeof e.existing_id === 'string')?.existing_id
    return id as string | undefined
  }

  /** The errors about one field (validation answers have one entry per field). */
  forField(field: string) {
    return this.errors.filter((e) => e.field === field)
  }
}

/** The server could not be reached (or the connection broke) and retrying was not possible or safe. */
export class NetworkError extends Error {
  override name = 'NetworkError'
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    /** ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, ... when known. */
    readonly code: string | undefined,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

function errorItems(body: unknown, status: number): ApiErrorItem[] {
  const errors = (body as { errors?: unknown } | null)?.errors
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((item) =>
      item && typeof item === 'object' && typeof (item as ApiErrorItem).message === 'string'
        ? (item as ApiErrorItem)
        : { message: String(item) }
    )
  }
  const text = typeof body === 'string' && body.trim() ? body.trim().slice(0, 500) : null
  return [{ message: text ?? `HTTP ${status}` }]
}

/** What `fetch` and timers throw on abort: the signal's reason, or an AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError')
}

export function isAbortError(error: unknown) {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}
