/**
 * Links from a task (a card) to a plugin's records. A plugin declares the
 * kinds of record a card may point at (`taskLinks` in plugin.ts) and adds
 * the column in a migration of its own; the host derives everything else
 * from the kind's name: the task's field (`linked_<kind>_id`), its list
 * filter, the replay timeline's query parameter (`<kind>_id`) and the ids
 * a timeline source gets (`links.<kind>_ids`).
 *
 * A pure module: plugin.ts files and the admin may import it.
 */

/** One kind of record a card may link to. */
export interface TaskLinkDefinition {
  /** snake_case, singular: the record's kind (`invoice`). */
  kind: string
  /** What a person calls it (`Invoice`). */
  label: string
  /** The REST resource holding these records (`invoices`: /api/invoices/:id). */
  resource: string
  /** The table the task's column references (its foreign key is the plugin's migration's). */
  table: string
}

export type RegisteredTaskLink = TaskLinkDefinition & {
  plugin: string
  /** The task's field and column: `linked_<kind>_id`. */
  field: string
  /** The Lucid property of that column on the Task model: `linked<Kind>Id`. */
  property: string
  /** The replay timeline's query parameter: `<kind>_id`. */
  subject: string
  /** The key of `links` a timeline source reads: `<kind>_ids`. */
  ids: string
}

const KIND = /^[a-z][a-z0-9_]*$/

export function linkField(kind: string) {
  return `linked_${kind}_id`
}

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

export function assertTaskLink(link: TaskLinkDefinition) {
  if (!link || typeof link.kind !== 'string' || !KIND.test(link.kind) || link.kind === 'task') {
    throw new TypeError(
      `a task link's kind must be snake_case and not "task", got ${JSON.stringify(link?.kind)}`
    )
  }
  for (const key of ['label', 'resource', 'table'] as const) {
    if (typeof link[key] !== 'string' || !link[key].trim()) {
      throw new TypeError(`task link "${link.kind}": "${key}" is required`)
    }
  }
}

/** The link kinds of the enabled plugins, in plugin order. */
export class TaskLinks {
  #links = new Map<string, RegisteredTaskLink>()

  define(plugin: string, links: readonly TaskLinkDefinition[]) {
    for (const link of links) {
      assertTaskLink(link)
      const existing = this.#links.get(link.kind)
      if (existing && existing.plugin !== plugin) {
        throw new Error(`task link "${link.kind}" is already declared by "${existing.plugin}"`)
      }
    }
    for (const link of links) {
      const field = linkField(link.kind)
      this.#links.set(link.kind, {
        ...link,
        plugin,
        field,
        property: camel(field),
        subject: `${link.kind}_id`,
        ids: `${link.kind}_ids`,
      })
    }
  }

  all(): RegisteredTaskLink[] {
    return [...this.#links.values()]
  }

  get(kind: string): RegisteredTaskLink | undefined {
    return this.#links.get(kind)
  }
}

export const taskLinks = new TaskLinks()
