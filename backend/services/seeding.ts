import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import Task from '#models/task'
import Agent from '#models/agent'
import pluginHost from '#plugin_host/running'
import { PluginError } from '#plugin_host/plugin_error'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'
import { SYSTEM, recordChange } from '#services/change_recorder'
import { createAgent } from '#actions/agents/create_agent'
import type { SeedContext } from '#plugin_host/define_plugin'

const SYSTEM_CREATOR = '00000000-0000-0000-0000-000000000000'

interface SeedTask {
  title: string
  description: string
  priority: TaskPriority
}

/** The 20 MVP build tasks of SYSTEM_DESIGN.md §7, in Backlog, on an empty board. */
async function seedMvpTasks() {
  const [{ total }] = await Task.query().count('* as total').pojo<{ total: string }>()
  if (Number(total) > 0) return
  const tasks: SeedTask[] = JSON.parse(await readFile(app.makePath('seed/mvp_tasks.json'), 'utf8'))
  for (const seed of tasks) {
    await recordChange(
      SYSTEM,
      (trx) =>
        Task.create(
          {
            title: seed.title,
            description: seed.description,
            column: TaskColumn.Backlog,
            priority: seed.priority,
            ownerType: OwnerType.Admin,
            ownerId: null,
            createdBy: SYSTEM_CREATOR,
          },
          { client: trx }
        ),
      {
        action: 'task.created',
        resourceType: 'tasks',
        resourceId: (task) => task.id,
        taskId: (task) => task.id,
        after: (task) => task.serialize(),
        payload: { reason: 'seed' },
        snapshot: true,
      }
    )
  }
}

const seedContext: SeedContext = {
  app,
  async ensureAgent(agent) {
    if (await Agent.findBy('name', agent.name)) return
    await createAgent(SYSTEM, agent)
  },
}

/**
 * Demo data: the host's, then each plugin's seeders in dependency order.
 * Every step is idempotent, so this runs on every start and on
 * `node ace db:seed`.
 */
export async function seedDemoData() {
  await seedMvpTasks()
  for (const seeder of pluginHost.seeders()) {
    try {
      const { default: run } = await seeder.load()
      await run(seedContext)
    } catch (error) {
      throw new PluginError(seeder.plugin, 'seed', error)
    }
  }
}
