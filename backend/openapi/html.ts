/**
 * The OpenAPI document as one readable HTML page (`GET /api/docs`), for
 * agent authors: operations grouped by tag with who may call them, their
 * parameters, body fields, answers and examples, then the record schemas.
 * Rendered on the server, self-contained (inline CSS, no script, no CDN).
 */
import type { OpenApiDocument } from '#openapi/document'
import { ERROR_RESPONSES } from '#openapi/kit'

type Schema = Record<string, any>

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
const OPERATORS = ['_ne', '_gte', '_lte', '_like'] as const

function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The Markdown the document uses: paragraphs, `- ` lists, `code`, **bold**, [links](/relative or https). */
function markdown(source: string | undefined): string {
  if (!source) return ''
  const inline = (text: string) =>
    esc(text)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(
        /\[([^\]]+)\]\(((?:\/|https?:\/\/|#)[^)\s]*)\)/g,
        (_, label, href) => `<a href="${href}">${label}</a>`
      )
  return source
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n')
      if (lines.every((line) => line.startsWith('- '))) {
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`
      }
      return `<p>${inline(lines.join(' '))}</p>`
    })
    .join('')
}

const refName = (ref: string) => ref.split('/').pop()!
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

class Renderer {
  constructor(private doc: OpenApiDocument) {}

  resolve<T = Schema>(value: any): T {
    let current = value
    for (let depth = 0; current?.$ref && depth < 10; depth++) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? []
      const target = this.doc.components[section]?.[name]
      if (!target) break
      const { $ref: _ref, ...siblings } = current
      current = { ...target, ...siblings }
    }
    return current
  }

  /** Properties of an object schema, following allOf. */
  properties(schema: Schema): { props: Record<string, Schema>; required: string[] } {
    const resolved = this.resolve(schema)
    const props: Record<string, Schema> = {}
    const required: string[] = []
    for (const part of resolved.allOf ?? []) {
      const inner = this.properties(part)
      Object.assign(props, inner.props)
      required.push(...inner.required)
    }
    Object.assign(props, resolved.properties ?? {})
    required.push(...(resolved.required ?? []))
    return { props, required }
  }

  type(schema: Schema | undefined): string {
    if (!schema) return 'any'
    if (schema.$ref) {
      const name = refName(schema.$ref)
      return `<a href="#schema-${slug(name)}">${esc(name)}</a>`
    }
    if (schema.anyOf || schema.oneOf) {
      return (schema.anyOf ?? schema.oneOf).map((part: Schema) => this.type(part)).join(' | ')
    }
    if (schema.allOf) return schema.allOf.map((part: Schema) => this.type(part)).join(' & ')
    if ('const' in schema) return `<code>${esc(JSON.stringify(schema.const))}</code>`
    const types: string[] = Array.isArray(schema.type)
      ? schema.type
      : schema.type
        ? [schema.type]
        : []
    const label = types
      .map((type) => {
        if (type === 'array') return `array of ${this.type(schema.items)}`
        if (
          type === 'object' &&
          schema.additionalProperties &&
          schema.additionalProperties !== true
        ) {
          return `object of ${this.type(schema.additionalProperties)}`
        }
        return schema.format && type !== 'null' ? `${type} (${esc(schema.format)})` : type
      })
      .join(' | ')
    return label || (schema.enum ? 'enum' : 'any')
  }

  constraints(schema: Schema): string {
    const resolved = schema.$ref ? {} : schema
    const parts: string[] = []
    if (resolved.enum) {
      const values = resolved.enum.map(
        (value: unknown) => `<code>${esc(JSON.stringify(value))}</code>`
      )
      parts.push(`one of ${values.join(', ')}`)
    }
    const keyword: [string, string][] = [
      ['minLength', 'min length'],
      ['maxLength', 'max length'],
      ['minimum', 'min'],
      ['maximum', 'max'],
      ['exclusiveMinimum', 'more than'],
      ['exclusiveMaximum', 'less than'],
      ['minItems', 'min items'],
      ['maxItems', 'max items'],
      ['default', 'default'],
    ]
    for (const [key, label] of keyword) {
      if (resolved[key] !== undefined) parts.push(`${label} ${esc(JSON.stringify(resolved[key]))}`)
    }
    if (resolved.pattern) parts.push(`pattern <code>${esc(resolved.pattern)}</code>`)
    if (resolved.uniqueItems) parts.push('distinct')
    const items = resolved.items && !resolved.items.$ref ? this.constraints(resolved.items) : ''
    if (items) parts.push(`each: ${items}`)
    return parts.join('; ')
  }

  fields(schema: Schema): string {
    const { props, required } = this.properties(schema)
    const names = Object.keys(props)
    if (!names.length) return `<p class="muted">${this.type(schema)}</p>`
    const rows = names.map((name) => {
      const prop = props[name]
      const description = prop.description ?? (prop.$ref ? this.resolve(prop).description : '')
      return `<tr><td><code>${esc(name)}</code>${required.includes(name) ? ' <span class="req">required</span>' : ''}</td><td>${this.type(prop)}</td><td>${markdown(description)}${this.constraints(prop) ? `<div class="muted">${this.constraints(prop)}</div>` : ''}</td></tr>`
    })
    return `<table><thead><tr><th>field</th><th>type</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  }

  example(value: unknown): string {
    if (value === undefined) return ''
    const body = typeof value === 'string' ? value : JSON.stringify(value, null, 2)
    return `<pre>${esc(body)}</pre>`
  }

  parameters(list: Schema[] = []): string {
    const params = list.map((param) => this.resolve(param))
    if (!params.length) return ''
    const names = new Set(params.map((param) => param.name))
    const isOperator = (name: string) =>
      OPERATORS.some((op) => name.endsWith(op) && names.has(name.slice(0, -op.length)))
    const rows = params
      .filter((param) => !isOperator(param.name))
      .map((param) => {
        const ops = OPERATORS.filter((op) => names.has(`${param.name}${op}`))
        const schema =
          param.schema?.type === 'array' && ops.length ? param.schema.items : param.schema
        const also = ops.length
          ? `<div class="muted">also ${ops.map((op) => `<code>${esc(param.name + op)}</code>`).join(' ')}</div>`
          : ''
        return `<tr><td><code>${esc(param.name)}</code>${param.required ? ' <span class="req">required</span>' : ''}</td><td>${esc(param.in)}</td><td>${this.type(schema)}</td><td>${markdown(param.description)}${this.constraints(schema ?? {}) ? `<div class="muted">${this.constraints(schema)}</div>` : ''}${also}</td></tr>`
      })
    const table = `<table><thead><tr><th>name</th><th>in</th><th>type</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    return rows.length > 12
      ? `<details><summary>Parameters (${rows.length})</summary>${table}</details>`
      : `<h4>Parameters</h4>${table}`
  }

  operation(path: string, method: string, op: Schema): string {
    const security = (op.security ?? []) as Record<string, string[]>[]
    const auth = security.length
      ? security.map((requirement) => Object.keys(requirement).join(' + ')).join(' · ')
      : 'none'
    let body = ''
    if (op.requestBody) {
      const [type, media] = (Object.entries(op.requestBody.content ?? {})[0] ?? []) as [
        string,
        Schema,
      ]
      body = `<h4>Body <span class="muted">${esc(type)}${op.requestBody.required ? '' : ', optional'}</span></h4>${media ? this.fields(media.schema) + this.example(media.example) : ''}`
    }
    const responses = Object.entries<Schema>(op.responses ?? {})
      .map(([status, raw]) => {
        const response = this.resolve(raw)
        const [type, media] = (Object.entries(response.content ?? {})[0] ?? []) as [string, Schema]
        /* shared error answers are explained once, under Errors; an answer of its own shows its example */
        const shared = Number(status) >= 400 && raw?.$ref
        const detail =
          media && !shared
            ? `${this.type(media.schema)} <span class="muted">${esc(type)}</span>`
            : ''
        const headers = Object.keys(response.headers ?? {})
        const example = !shared && media ? this.example(media.example) : ''
        return `<tr><td><span class="status s${status[0]}">${esc(status)}</span></td><td>${markdown(response.description)}${detail ? `<div>${detail}</div>` : ''}${headers.length ? `<div class="muted">headers: ${headers.map((h) => `<code>${esc(h)}</code>`).join(', ')}</div>` : ''}${example}</td></tr>`
      })
      .join('')
    return `<section class="op" id="op-${esc(op.operationId)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p class="summary">${esc(op.summary ?? '')} <span class="muted">· <code>${esc(op.operationId)}</code> · auth: ${esc(auth)}</span></p>
${markdown(op.description)}
${this.parameters(op.parameters)}
${body}
<h4>Responses</h4><table><tbody>${responses}</tbody></table>
</section>`
  }

  render(): string {
    const { doc } = this
    const byTag = new Map<string, [string, string, Schema][]>()
    for (const tag of doc.tags ?? []) byTag.set(tag.name, [])
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method]
        if (!op) continue
        const tag = op.tags?.[0] ?? 'Other'
        if (!byTag.has(tag)) byTag.set(tag, [])
        byTag.get(tag)!.push([path, method, op])
      }
    }
    const tagInfo = new Map<string, Schema>((doc.tags ?? []).map((tag: Schema) => [tag.name, tag]))

    const nav = [...byTag.entries()]
      .filter(([, ops]) => ops.length)
      .map(
        ([tag, ops]) =>
          `<li><a href="#tag-${slug(tag)}">${esc(tag)}</a><ul>${ops
            .map(
              ([path, method, op]) =>
                `<li><a href="#op-${esc(op.operationId)}"><span class="m ${method}">${method.toUpperCase()}</span> ${esc(path)}</a></li>`
            )
            .join('')}</ul></li>`
      )
      .join('')

    const sections = [...byTag.entries()]
      .filter(([, ops]) => ops.length)
      .map(
        ([tag, ops]) =>
          `<h2 id="tag-${slug(tag)}">${esc(tag)}</h2>${markdown(tagInfo.get(tag)?.description)}${ops.map(([path, method, op]) => this.operation(path, method, op)).join('')}`
      )
      .join('')

    const schemes = Object.entries(doc.components.securitySchemes ?? {})
      .map(
        ([name, scheme]: [string, any]) =>
          `<tr><td><code>${esc(name)}</code></td><td>${esc(scheme.type === 'http' ? `${scheme.scheme} ${scheme.bearerFormat ?? ''}` : `${scheme.in} ${scheme.name}`)}</td><td>${markdown(scheme.description)}</td></tr>`
      )
      .join('')
    const statusOf = new Map(
      Object.entries(ERROR_RESPONSES).map(([status, name]) => [name, status])
    )
    const statuses = Object.entries(doc.components.responses ?? {})
      .map(([name, response]: [string, any]) => {
        const example = response.content?.['application/json']?.example
        const status = statusOf.get(name) ?? ''
        return `<tr><td><span class="status s${status[0]}">${esc(status)}</span> <code>${esc(name)}</code></td><td>${markdown(response.description)}</td><td>${example ? `<code>${esc(JSON.stringify(example))}</code>` : ''}</td></tr>`
      })
      .join('')

    const schemas = Object.entries(doc.components.schemas ?? {})
      .map(
        ([name, schema]: [string, any]) =>
          `<section class="schema" id="schema-${slug(name)}"><h3>${esc(name)}</h3>${markdown(schema.description)}${schema.oneOf ? schema.oneOf.map((part: Schema) => this.fields(part)).join('<p class="muted">or</p>') : this.fields(schema)}${this.example(schema.example)}</section>`
      )
      .join('')

    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title>
<style>
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--accent:#0969da}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);display:flex}
nav{width:320px;flex:none;height:100vh;position:sticky;top:0;overflow:auto;border-right:1px solid var(--line);padding:16px;font-size:13px;background:var(--bg)}
nav ul{list-style:none;padding-left:0;margin:0}nav ul ul{padding-left:8px;margin-bottom:8px}nav a{color:var(--fg);text-decoration:none;display:block;padding:1px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}nav a:hover{color:var(--accent)}
main{flex:1;min-width:0;max-width:1100px;padding:24px 40px}h1{margin-top:0}h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:48px}
.op,.schema{border:1px solid var(--line);border-radius:6px;padding:4px 16px 12px;margin:16px 0}.op h3{font-size:16px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}td,th{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:var(--bg)}
td p{margin:0 0 4px}code{background:var(--bg);padding:0 3px;border-radius:3px;font-size:12.5px}pre{background:var(--bg);padding:8px;overflow:auto;font-size:12.5px;border-radius:4px;max-height:360px}
.muted{color:var(--muted)}.req{color:#cf222e;font-size:11px}.summary{margin-top:-6px}
.method,.m{font-weight:700;font-size:12px;padding:1px 6px;border-radius:3px;color:#fff}.m{font-size:10px;padding:0 3px}
.get{background:#1a7f37}.post{background:#0969da}.patch,.put{background:#9a6700}.delete{background:#cf222e}
.status{font-weight:700}.s2{color:#1a7f37}.s4{color:#9a6700}.s5{color:#cf222e}details summary{cursor:pointer;font-weight:600;margin:8px 0}
</style></head>
<body><nav><p><strong>${esc(doc.info.title)}</strong> ${esc(doc.info.version)}</p><ul><li><a href="#overview">Overview</a></li><li><a href="#auth">Authentication</a></li><li><a href="#errors">Errors</a></li>${nav}<li><a href="#schemas">Schemas</a></li></ul></nav>
<main><h1 id="overview">${esc(doc.info.title)}</h1>
<p class="muted">OpenAPI ${esc(doc.openapi)} · version ${esc(doc.info.version)} · machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>
${markdown(doc.info.description)}
<h2 id="auth">Authentication</h2><table><thead><tr><th>scheme</th><th>how</th><th>notes</th></tr></thead><tbody>${schemes}</tbody></table>
<h2 id="errors">Errors</h2>${markdown(doc.components.schemas?.Error?.description)}<table><thead><tr><th>answer</th><th>when</th><th>example</th></tr></thead><tbody>${statuses}</tbody></table>
${sections}
<h2 id="schemas">Schemas</h2>${schemas}
</main></body></html>`
  }
}

/** The document as a self-contained HTML page. */
export function renderReference(doc: OpenApiDocument): string {
  return new Renderer(doc).render()
}
