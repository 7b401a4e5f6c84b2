import { ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiException } from '#exceptions/api_exception'
import Agent from '#models/agent'
import { agentRefusal } from '#policies/app_policy'
import { isDatabaseUnavailable } from '#services/database_errors'
import { databaseOutage, RETRY_AFTER_SECONDS } from '#services/database_outage'

interface ErrorItem {
  message: string
  field?: string
  rule?: string
  code?: string
  [extra: string]: unknown
}

interface Answer {
  status: number
  errors: ErrorItem[]
  headers?: Record<string, string>
}

/* PostgreSQL error classes a client can cause, and what they mean to them. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string; code: string }> = {
  '23505': {
    status: 409,
    message: 'A record with the same unique value already exists',
    code: 'E_DUPLICATE',
  },
  '23503': {
    status: 409,
    message: 'A linked record does not exist or is still referenced',
    code: 'E_REFERENCE',
  },
  '23514': { status: 422, message: 'A value is outside the allowed set', code: 'E_CHECK' },
  '22021': {
    status: 422,
    message: 'A value contains bytes that are not valid text',
    code: 'E_INVALID_INPUT',
  },
  '22P05': {
    status: 422,
    message: 'A value contains a character that cannot be stored',
    code: 'E_INVALID_INPUT',
  },
  '22P02': { status: 422, message: 'A value has the wrong format', code: 'E_INVALID_INPUT' },
  '22001': { status: 422, message: 'A value is too long', code: 'E_TOO_LONG' },
  '22003': { status: 422, message: 'A number is out of range', code: 'E_OUT_OF_RANGE' },
  '22007': { status: 422, message: 'A date has the wrong format', code: 'E_INVALID_DATE' },
  '22008': { status: 422, message: 'A date is out of range', code: 'E_INVALID_DATE' },
  'MC001': {
    status: 409,
    message: 'History is append-only and cannot be changed',
    code: 'E_APPEND_ONLY',
  },
}

/**
 * One place turns every error into the contract's shape:
 * {"errors":[{"message","field?","rule?","code?"}]}. Nothing a client sends
 * can produce a 500; a real 500 is logged with its request id and answered
 * without internals.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const answer = this.#translate(error, ctx)
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      ctx.response.header(name, value)
    }
    ctx.response.status(answer.status).send({ errors: answer.errors })
  }

  /**
   * A 500 is logged with its stack and request id. The database being
   * unavailable is not a bug of the request: one warning per outage
   * (services/database_outage.ts), not one error per request.
   */
  async report(error: unknown, ctx: HttpContext) {
    if (isDatabaseUnavailable(error)) {
      databaseOutage.failed(error, ctx.request.id())
      return
    }
    const status = this.#translate(error, ctx).status
    if (status >= 500) {
      ctx.logger.error({ err: error, requestId: ctx.request.id() }, 'request failed')
    }
  }

  #translate(error: unknown, ctx: HttpContext): Answer {
    const e = error as any

    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      return {
        status: 422,
        errors: (e.messages as any[]).map((m) => ({
          message: m.message,
          field: m.field,
          rule: m.rule,
          code: 'E_VALIDATION_ERROR',
        })),
      }
    }

    if (error instanceof ApiException) {
      const { code, field, rule, headers, meta } = error.details
      return {
        status: error.status,
        errors: [clean({ message: error.message, code, field, rule, ...meta })],
        headers,
      }
    }

    switch (e?.code) {
      case 'E_ROUTE_NOT_FOUND':
        return {
          status: 404,
          errors: [
            {
              message: `No route ${ctx.request.method()} ${ctx.request.url()}`,
              code: 'E_NOT_FOUND',
            },
          ],
        }
      case 'E_ROW_NOT_FOUND':
        return { status: 404, errors: [{ message: 'Record not found', code: 'E_NOT_FOUND' }] }
      case 'E_UNAUTHORIZED_ACCESS':
        return {
          status: 401,
          errors: [{ message: 'Authentication required', code: 'E_UNAUTHORIZED' }],
        }
      case 'E_INVALID_CREDENTIALS':
        return {
          status: 401,
          errors: [{ message: 'Invalid email or password', code: 'E_INVALID_CREDENTIALS' }],
        }
      case 'E_AUTHORIZATION_FAILURE': {
        const actor = ctx.auth?.user
        const message =
          (actor instanceof Agent ? agentRefusal(actor) : null) ??
          'Your role does not allow this action'
        return { status: 403, errors: [{ message, code: 'E_FORBIDDEN' }] }
      }
      case 'E_BAD_CSRF_TOKEN':
        return {
          status: 403,
          errors: [
            {
              message:
                'Missing or expired CSRF token: send the XSRF-TOKEN cookie back as X-XSRF-TOKEN',
              code: 'E_BAD_CSRF_TOKEN',
            },
          ],
        }
      case 'E_TOO_MANY_REQUESTS': {
        const retryAfter = e.response?.availableIn
        return {
          status: 429,
          errors: [
            {
              message: retryAfter
                ? `Too many attempts. Try again in ${retryAfter} seconds`
                : 'Too many attempts. Try again later',
              code: 'E_TOO_MANY_REQUESTS',
            },
          ],
          headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
        }
      }
      case 'E_REQUEST_ENTITY_TOO_LARGE':
        return {
          status: 413,
          errors: [{ message: 'The body is larger than 1 MB', code: 'E_BODY_TOO_LARGE' }],
        }
    }

    /* The JSON body parser marks syntax errors with status 400. */
    if (e instanceof SyntaxError || (e?.status === 400 && /JSON/i.test(String(e?.message)))) {
      return {
        status: 400,
        errors: [{ message: 'The body is not valid JSON', code: 'E_MALFORMED_JSON' }],
      }
    }

    /* Unreachable, frozen, overloaded or restarting: whichever layer noticed (pool, driver, guard, store). */
    if (isDatabaseUnavailable(error)) {
      return {
        status: 503,
        errors: [
          {
            message: 'The database is unavailable: try again in a few seconds',
            code: 'E_UNAVAILABLE',
          },
        ],
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      }
    }

    const pgCode = typeof e?.code === 'string' ? e.code : undefined
    /* A link to a record that does not exist is a field error of the request. */
    if (pgCode === '23503' && /is not present in table/.test(String(e.detail))) {
      const field = String(e.constraint ?? '').match(/^[a-z_]+?_([a-z_]+_id)_foreign$/)?.[1]
      return {
        status: 422,
        errors: [
          clean({
            message: 'The linked record does not exist',
            field,
            rule: 'exists',
            code: 'E_VALIDATION_ERROR',
          }),
        ],
      }
    }
    if (pgCode === '23505') return duplicateAnswer(e)
    /* two writes crossed (a deadlock, a serialization failure): nothing was written, try again */
    if (pgCode === '40P01' || pgCode === '40001') {
      return {
        status: 503,
        errors: [
          {
            message:
              'Another change to the same records crossed this one: nothing was written, try again',
            code: 'E_CONFLICT_RETRY',
          },
        ],
        headers: { 'Retry-After': '1' },
      }
    }
    if (pgCode && PG_CLIENT_ERRORS[pgCode]) {
      /* the database's own detail quotes stored values and internals: never sent */
      const { status, message, code } = PG_CLIENT_ERRORS[pgCode]
      return { status, errors: [{ message, code }] }
    }
    const status = Number(e?.status ?? e?.statusCode)
    if (status >= 400 && status < 500) {
      return { status, errors: [clean({ message: String(e.message), code: e.code })] }
    }
    if (status === 503) {
      return {
        status,
        errors: [{ message: String(e.message), code: e.code ?? 'E_UNAVAILABLE' }],
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      }
    }

    return {
      status: 500,
      errors: [
        {
          message: `Something went wrong on our side (request ${ctx.request.id() ?? 'unknown'})`,
          code: 'E_INTERNAL',
        },
      ],
    }
  }
}

/**
 * A unique value taken, in the API's words: which field, not the database's
 * detail (`Key (name)=(...) already exists`). Constraints are named
 * `<table>_<columns>_unique` (Lucid's convention).
 */
function duplicateAnswer(error: { table?: string; constraint?: string }): Answer {
  const table = error.table ?? ''
  const constraint = error.constraint ?? ''
  const column =
    table && constraint.startsWith(`${table}_`) && constraint.endsWith('_unique')
      ? constraint.slice(table.length + 1, -'_unique'.length)
      : undefined
  const record = table ? table.replace(/_/g, ' ').replace(/s$/, '') : 'record'
  const field = column && /^[a-z]+(_[a-z]+)*$/.test(column) ? column : undefined
  return {
    status: 409,
    errors: [
      clean({
        message: field
          ? `Another ${record} already has this ${field.replace(/_/g, ' ')}`
          : 'A record with the same unique value already exists',
        field,
        code: 'E_DUPLICATE',
      }),
    ],
  }
}

function clean(item: ErrorItem): ErrorItem {
  return Object.fromEntries(
    Object.entries(item).filter(([, value]) => value !== undefined)
  ) as ErrorItem
}
