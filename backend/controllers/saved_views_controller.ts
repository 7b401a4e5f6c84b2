import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { ApiException } from '#exceptions/api_exception'
import { savedViewRules } from '#policies/saved_view_policy'
import {
  createSavedViewValidator,
  MAX_VIEWS_PER_LIST,
  updateSavedViewValidator,
} from '#validators/saved_view'
import { actorFromContext, recordChange } from '#services/change_recorder'
import { runList } from '#services/list_query'
import {
  SAVED_VIEW_LIST,
  auditedView,
  findView,
  serializeView,
  visibleViewsQuery,
  type SavedViewRow,
} from '#services/saved_views'

function person(ctx: HttpContext): User {
  const actor = ctx.auth.user
  if (!savedViewRules.use(actor)) {
    throw ApiException.forbidden('Saved views are for people: an agent asks the list itself')
  }
  return actor
}

function refuse(answer: true | string) {
  if (answer !== true) throw ApiException.forbidden(answer)
}

/** The view, if this person may see it; 404 otherwise (a private view of someone else is not there). */
async function visible(user: User, id: string) {
  const view = await findView(id)
  if (!view || !savedViewRules.read(user, view)) throw ApiException.notFound('Saved view')
  return view
}

const json = (value: unknown) => JSON.stringify(value ?? [])

/** A second view of the same name on the same list, by the same person. */
function sameName(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string }
  return e?.code === '23505' && e.constraint === 'saved_views_owner_name'
}

function nameTaken(name: string) {
  return new ApiException(422, `You already have a view named "${name}" on this list`, {
    field: 'name',
    rule: 'unique',
    code: 'E_VALIDATION_ERROR',
  })
}

/**
 * Saved views of the admin's lists (docs/API.md, "Saved views"): a person's
 * named filters, sort and columns; their own, and those others share.
 */
export default class SavedViewsController {
  /** GET /api/saved-views: my views and the shared ones I may read (`resource=tasks` for one list). */
  async index(ctx: HttpContext) {
    const user = person(ctx)
    const rows = (await runList(ctx, visibleViewsQuery(user), SAVED_VIEW_LIST)) as SavedViewRow[]
    return rows.map((row) => serializeView(row, user))
  }

  async show(ctx: HttpContext) {
    const user = person(ctx)
    return serializeView(await visible(user, ctx.params.id), user)
  }

  async store(ctx: HttpContext) {
    const user = person(ctx)
    const data = await ctx.request.validateUsing(createSavedViewValidator)
    refuse(savedViewRules.create(user, data.resource))
    try {
      const id = await recordChange(
        actorFromContext(ctx),
        async (trx) => {
          // counted and added under one lock per person and list: parallel saves never pass the cap
          await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
            `saved_views:${user.id}:${data.resource}`,
          ])
          const [{ n }] = await trx
            .from('saved_views')
            .where({ user_id: user.id, resource: data.resource })
            .count('* as n')
          if (Number(n) >= MAX_VIEWS_PER_LIST) {
            throw new ApiException(
              422,
              `You keep ${n} views of this list (at most ${MAX_VIEWS_PER_LIST}): delete one first`,
              { field: 'resource', rule: 'maxViews', code: 'E_VALIDATION_ERROR' }
            )
          }
          const [row] = await trx
            .insertQuery()
            .table('saved_views')
            .insert({
              user_id: user.id,
              resource: data.resource,
              name: data.name,
              filters: json(data.filters),
              sorters: json(data.sorters),
              hidden_columns: json(data.hidden_columns),
              page_size: data.page_size ?? null,
              shared: data.shared ?? false,
            })
            .returning('*')
          return row as Omit<SavedViewRow, 'owner_email'>
        },
        {
          action: 'saved_view.created',
          resourceType: 'saved_views',
          resourceId: (row) => row.id,
          after: (row) => auditedView(row),
        }
      ).then((row) => row.id)
      return ctx.response.created(serializeView((await findView(id))!, user))
    } catch (error) {
      if (sameName(error)) throw nameTaken(data.name)
      throw error
    }
  }

  /** PATCH: the owner only; `shared` shares it with the team or takes it back. */
  async update(ctx: HttpContext) {
    const user = person(ctx)
    const existing = await visible(user, ctx.params.id)
    refuse(savedViewRules.edit(user, existing))
    const data = await ctx.request.validateUsing(updateSavedViewValidator)
    const changes: Record<string, unknown> = {}
    if (data.name !== undefined) changes.name = data.name
    if (data.filters !== undefined) changes.filters = json(data.filters)
    if (data.sorters !== undefined) changes.sorters = json(data.sorters)
    if (data.hidden_columns !== undefined) changes.hidden_columns = json(data.hidden_columns)
    if (data.page_size !== undefined) changes.page_size = data.page_size
    if (data.shared !== undefined) changes.shared = data.shared
    try {
      await recordChange(
        actorFromContext(ctx),
        async (trx) => {
          const [row] = await trx
            .from('saved_views')
            .where('id', existing.id)
            .update({ ...changes, updated_at: new Date() })
            .returning('*')
          if (!row) throw ApiException.notFound('Saved view')
          return row as Omit<SavedViewRow, 'owner_email'>
        },
        {
          action: 'saved_view.updated',
          resourceType: 'saved_views',
          resourceId: existing.id,
          before: auditedView(existing),
          after: (row) => auditedView(row),
        }
      )
    } catch (error) {
      if (sameName(error)) throw nameTaken(String(data.name))
      throw error
    }
    return serializeView((await findView(existing.id))!, user)
  }

  /** DELETE: the owner, or an admin (saved_views.manage). */
  async destroy(ctx: HttpContext) {
    const user = person(ctx)
    const existing = await visible(user, ctx.params.id)
    refuse(savedViewRules.delete(user, existing))
    await recordChange(
      actorFromContext(ctx),
      async (trx) => {
        const deleted = await trx.from('saved_views').where('id', existing.id).delete()
        if (!Number(deleted)) throw ApiException.notFound('Saved view')
      },
      {
        action: 'saved_view.deleted',
        resourceType: 'saved_views',
        resourceId: existing.id,
        before: auditedView(existing),
      }
    )
    return ctx.response.noContent()
  }
}
