/**
 * A JSON Schema (2020-12 keywords) of a compiled VineJS validator, for
 * readers of the API: GET /api/agent-types shows what each event payload
 * and settings object must look like. VineJS 3 has no exporter of its own;
 * this one reads the compiled tree (`validator.toJSON()`), which names each
 * field's type but not its rules, so rules are recognised by comparing their
 * functions with those of probe fields (`vine.string().email()` and so on).
 * Rules it does not know (custom ones, `.trim()`) add nothing to the schema;
 * the server's validation stays the reference.
 */
import vine, { type VineValidator } from '@vinejs/vine'

export type JsonSchema = Record<string, unknown>

type Keywords = (options: any) => JsonSchema
type Kind = 'string' | 'number' | 'array'

const PROBES: Record<Kind, [any, Keywords][]> = {
  string: [
    [vine.string().email(), () => ({ format: 'email' })],
    [vine.string().url(), () => ({ format: 'uri' })],
    [vine.string().uuid(), () => ({ format: 'uuid' })],
    [vine.string().minLength(1), (o) => ({ minLength: o.min })],
    [vine.string().maxLength(1), (o) => ({ maxLength: o.max })],
    [vine.string().fixedLength(1), (o) => ({ minLength: o.size, maxLength: o.size })],
    [vine.string().regex(/x/), (o) => (o instanceof RegExp ? { pattern: o.source } : {})],
    [vine.string().in(['x']), (o) => (Array.isArray(o?.choices) ? { enum: o.choices } : {})],
  ],
  number: [
    [vine.number().min(0), (o) => ({ minimum: o.min })],
    [vine.number().max(0), (o) => ({ maximum: o.max })],
    [vine.number().range([0, 1]), (o) => ({ minimum: o.min, maximum: o.max })],
    [vine.number().positive(), () => ({ exclusiveMinimum: 0 })],
    [vine.number().negative(), () => ({ exclusiveMaximum: 0 })],
    [vine.number().withoutDecimals(), () => ({ type: 'integer' })],
  ],
  array: [
    [vine.array(vine.any()).minLength(1), (o) => ({ minItems: o.min })],
    [vine.array(vine.any()).maxLength(1), (o) => ({ maxItems: o.max })],
    [vine.array(vine.any()).fixedLength(1), (o) => ({ minItems: o.size, maxItems: o.size })],
    [vine.array(vine.any()).notEmpty(), () => ({ minItems: 1 })],
    [vine.array(vine.any()).distinct(), () => ({ uniqueItems: true })],
  ],
}

/** rule function → what it adds, per kind of field; built once, on first use. */
let known: Record<Kind, Map<Function, Keywords>> | undefined

function knownRules() {
  if (known) return known
  known = { string: new Map(), number: new Map(), array: new Map() }
  for (const kind of Object.keys(PROBES) as Kind[]) {
    const fields = Object.fromEntries(PROBES[kind].map(([schema], index) => [`p${index}`, schema]))
    const { schema, refs } = vine.compile(vine.object(fields)).toJSON() as any
    for (const property of schema.schema.properties) {
      /* the probe's own rule is the last one: a number's first rule checks it is a number */
      const rule = property.validations.at(-1)
      const keywords = PROBES[kind][Number(property.fieldName.slice(1))][1]
      if (rule) known[kind].set(refs[rule.ruleFnId].validator, keywords)
    }
  }
  return known
}

function kindOf(node: any): Kind | null {
  if (node.type === 'array') return 'array'
  if (node.type === 'literal' && (node.subtype === 'string' || node.subtype === 'number')) {
    return node.subtype
  }
  return null
}

function convert(node: any, refs: Record<string, any>): JsonSchema {
  let out: JsonSchema
  switch (node.type) {
    case 'object': {
      const properties: Record<string, JsonSchema> = {}
      const required: string[] = []
      for (const property of node.properties) {
        properties[property.fieldName] = convert(property, refs)
        if (!property.isOptional) required.push(property.fieldName)
      }
      out = { type: 'object', properties }
      if (required.length) out.required = required
      out.additionalProperties = Boolean(node.allowUnknownProperties)
      break
    }
    case 'array':
      out = { type: 'array', items: convert(node.each, refs) }
      break
    case 'record':
      out = { type: 'object', additionalProperties: convert(node.each, refs) }
      break
    case 'tuple':
      out = {
        type: 'array',
        prefixItems: node.properties.map((item: any) => convert(item, refs)),
        ...(node.allowUnknownProperties ? {} : { items: false }),
      }
      break
    case 'union':
      out = { anyOf: node.conditions.map((condition: any) => convert(condition.schema, refs)) }
      break
    case 'literal':
      out = literal(node, refs)
      break
    default:
      out = {}
  }

  const kind = kindOf(node)
  if (kind) {
    const rules = knownRules()[kind]
    for (const validation of node.validations ?? []) {
      const ref = refs[validation.ruleFnId]
      const keywords = ref && rules.get(ref.validator)
      if (keywords) Object.assign(out, keywords(ref.options))
    }
  }

  if (node.allowNull) {
    if (typeof out.type === 'string') out.type = [out.type, 'null']
    else if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
    else out = { anyOf: [out, { type: 'null' }] }
  }
  return out
}

function literal(node: any, refs: Record<string, any>): JsonSchema {
  const options = (node.validations ?? []).map((v: any) => refs[v.ruleFnId]?.options ?? {})
  switch (node.subtype) {
    case 'string':
      return { type: 'string' }
    case 'number':
      return { type: 'number' }
    case 'boolean':
      return { type: 'boolean' }
    case 'enum': {
      const choices = options.find((o: any) => Array.isArray(o?.choices))?.choices
      return choices ? { enum: choices } : {}
    }
    case 'literal': {
      const found = options.find((o: any) => o && 'expectedValue' in o)
      return found ? { const: found.expectedValue } : {}
    }
    case 'date':
      return { type: 'string', description: 'a date' }
    default:
      return {}
  }
}

/** The JSON Schema of what a compiled validator accepts. */
export function jsonSchemaOf(validator: VineValidator<any, any>): JsonSchema {
  const { schema, refs } = validator.toJSON() as any
  return convert(schema.schema, refs)
}
