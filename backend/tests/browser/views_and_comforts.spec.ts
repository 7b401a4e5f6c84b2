import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'
import {
  BASE,
  contextFor,
  createTask,
  debugShot,
  makeLead,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'
import { LeadStatus } from '../../../plugins/leads/enums.js'

/*
| Saved views, the column chooser, dark mode, the command palette and the
| Home's one summary request, in a real browser.
*/
test.group('Admin: saved views and the column chooser', (group) => {
  useAdminBrowser(group)

  needs(
    test('a closer saves a filtered view and shares it; a second closer opens it and the filters apply', async ({
      assert,
    }) => {
      const tag = unique()
      // the views earlier tests shared make the menu longer than the screen in a full run
      await db.from('saved_views').delete()
      const wanted = await makeLead(`Bright Smiles ${tag}`, LeadStatus.Contacted)
      const other = await makeLead(`Other Clinic ${tag}`, LeadStatus.New)
      const first = await makeUser(Role.Closer)
      const second = await makeUser(Role.Closer)
      const viewName = `Contacted ${tag}`

      const one = await contextFor(first.email)
      try {
        const page = one.page
        await page.goto(`${BASE()}/leads`)
        const searchBox = page.getByPlaceholder('Search name, contact, email, website')
        await searchBox.fill(tag)
        await searchBox.press('Enter')
        await page.getByRole('link', { name: other.businessName }).waitFor()
        await page.getByTestId('filter-status').click()
        await page.locator('.ant-select-dropdown').getByTitle('contacted').click()
        await page.keyboard.press('Escape')
        await page.getByRole('link', { name: other.businessName }).waitFor({ state: 'detached' })
        await page.getByRole('link', { name: wanted.businessName }).waitFor()

        await page.getByTestId('save-view').click()
        await page.getByTestId('save-view-name').fill(viewName)
        await page.getByTestId('save-view-shared').click()
        await page.getByTestId('save-view-submit').click()
        await page.getByText(`Saved view “${viewName}”, shared with the team`).waitFor()
        // the list is now named after its view (a same-page URL change: no load to wait for)
        await page.waitForURL((url) => url.searchParams.has('view'), { waitUntil: 'commit' })
        await page.getByTestId('views-menu').filter({ hasText: viewName }).waitFor()
      } finally {
        await debugShot(one.page)
        await one.context.close()
      }

      const saved = await db.from('saved_views').where('name', viewName).firstOrFail()
      assert.isTrue(saved.shared)
      assert.deepInclude(saved.filters, { field: 'q', operator: 'eq', value: tag })
      assert.deepInclude(saved.filters, { field: 'status', operator: 'in', value: ['contacted'] })

      const two = await contextFor(second.email)
      try {
        const page = two.page
        await page.goto(`${BASE()}/leads`)
        const item = page.getByTestId('saved-view-item').filter({ hasText: viewName })
        const opened = (url: URL) => url.pathname === '/leads' && url.searchParams.has('view')
        // picking the view leaves the plain list (for /views/open/<id>, then the list with the view)
        await page.getByTestId('views-menu').click()
        assert.include(await item.innerText(), first.email)
        await item.click()
        await page.waitForURL(opened, { waitUntil: 'commit' }).catch(async (error) => {
          const text = (
            await page
              .locator('body')
              .innerText()
              .catch(() => '')
          ).slice(0, 500)
          throw new Error(`the view did not open: still at ${page.url()}, showing: ${text}`, {
            cause: error,
          })
        })
        await page.getByRole('link', { name: wanted.businessName }).waitFor()
        assert.equal(await page.getByRole('link', { name: other.businessName }).count(), 0)
        // the filter form shows the view's filters
        assert.equal(
          await page.getByPlaceholder('Search name, contact, email, website').inputValue(),
          tag
        )
        assert.include(await page.getByTestId('filter-status').innerText(), 'contacted')
        assert.include(await page.getByTestId('views-menu').innerText(), viewName)
        // someone else's view: no "Update view" even after a change
        assert.equal(await page.getByTestId('update-view').count(), 0)

        // and it is listed under Saved views in the menu
        await page.locator('.ant-layout-sider').getByText('Saved views').click()
        await page.getByRole('link', { name: viewName }).waitFor()
      } finally {
        await debugShot(two.page)
        await two.context.close()
      }
    }).timeout(120_000),
    'leads'
  )

  test('the column chooser hides a column, remembers it for the person, and shows all again', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `Columns ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(operator.email)
    try {
      await page.goto(`${BASE()}/tasks`)
      await page.getByRole('link', { name: task.title }).waitFor()
      assert.include(await page.locator('thead').innerText(), 'Priority')

      await page.getByTestId('column-chooser').click()
      const panel = page.getByTestId('column-chooser-panel')
      await panel.getByLabel('Priority').uncheck()
      await page.locator('thead').getByText('Priority').waitFor({ state: 'detached' })
      assert.notInclude(await page.locator('thead').innerText(), 'Priority')
      assert.include(await page.getByTestId('column-chooser').innerText(), 'Columns (')

      await page.reload()
      await page.getByRole('link', { name: task.title }).waitFor()
      assert.notInclude(await page.locator('thead').innerText(), 'Priority')
      assert.include(await page.locator('thead').innerText(), 'Title')

      await page.getByTestId('column-chooser').click()
      await page.getByTestId('column-chooser-panel').getByText('Show all columns').click()
      await page.locator('thead').getByText('Priority').waitFor()
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(60_000)
})

test.group('Admin: dark mode, the command palette, the Home', (group) => {
  useAdminBrowser(group)

  test('dark mode: toggled in the header, still dark after a reload (no flash), and on another device', async ({
    assert,
  }) => {
    const viewer = await makeUser(Role.Viewer)
    const { context, page } = await contextFor(viewer.email)
    try {
      await page.goto(`${BASE()}/tasks`)
      await page.getByTestId('theme-switch').waitFor()
      const theme = () =>
        page.evaluate<string | undefined>('document.documentElement.dataset.theme')
      const layoutBackground = () =>
        page.evaluate<string>(
          "getComputedStyle(document.querySelector('.ant-layout')).backgroundColor"
        )
      assert.equal(await theme(), 'light')
      const light = await layoutBackground()

      await page.getByTestId('theme-switch').click()
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark'
      )
      const dark = await layoutBackground()
      assert.notEqual(dark, light)
      // dark: every channel low
      const channels = dark.match(/\d+/g)!.slice(0, 3).map(Number)
      assert.isTrue(
        channels.every((value: number) => value < 60),
        dark
      )

      // kept for the person, on the server
      let row = null
      for (let i = 0; i < 50 && row?.theme !== 'dark'; i++) {
        row = await db.from('user_preferences').where('user_id', viewer.id).first()
        if (row?.theme !== 'dark') await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.equal(row?.theme, 'dark')

      // a reload paints dark before the app's script has run: no white flash
      await page.reload({ waitUntil: 'commit' })
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme !== undefined
      )
      assert.equal(await theme(), 'dark')
      assert.equal(
        await page.evaluate<string>('document.documentElement.style.backgroundColor'),
        'rgb(0, 0, 0)'
      )
      await page.getByTestId('theme-switch').waitFor()
      assert.equal(await theme(), 'dark')
      assert.equal(await layoutBackground(), dark)
    } finally {
      await debugShot(page)
      await context.close()
    }

    // another browser (nothing on this device yet): dark once signed in
    const other = await contextFor(viewer.email)
    try {
      await other.page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark'
      )
      await other.page.getByTestId('theme-switch').click()
      await other.page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'light'
      )
    } finally {
      await other.context.close()
    }
  }).timeout(60_000)

  needs(
    test('the command palette: Ctrl+K, type a lead’s name, Enter opens it; pages too', async ({
      assert,
    }) => {
      const lead = await makeLead(`Palette Dental ${unique()}`)
      const closer = await makeUser(Role.Closer)
      const { context, page } = await contextFor(closer.email)
      try {
        await page.goto(`${BASE()}/tasks`)
        await page.getByTestId('palette-button').waitFor()
        await page.keyboard.press('Control+K')
        const input = page.getByTestId('palette-input')
        await input.waitFor()
        await input.fill(lead.businessName)
        const found = page.getByTestId('palette-item').filter({ hasText: lead.businessName })
        await found.waitFor()
        // the pages come first when they match; here only records do, and the lead is first
        assert.equal(
          await page
            .getByTestId('palette-item')
            .first()
            .innerText()
            .then((t) => t.includes(lead.businessName)),
          true
        )
        await input.press('Enter')
        await page.waitForURL((url) => url.pathname === `/leads/show/${lead.id}`)
        await page.getByText(lead.businessName).first().waitFor()

        // a page by name; a closer is not offered what their role may not open
        await page.keyboard.press('Control+K')
        await page.getByTestId('palette-input').fill('board')
        await page.getByTestId('palette-item').filter({ hasText: 'Board' }).waitFor()
        await page.getByTestId('palette-input').fill('audit')
        // records may match (a task about an audit): the Pages group must not offer the Audit page
        await page
          .getByText('Nothing found')
          .or(page.getByTestId('palette-item').first())
          .first()
          .waitFor()
        await page.getByText('Searching…').waitFor({ state: 'detached' })
        assert.equal(
          await page.locator('[data-testid=palette-item][data-group=Pages]').count(),
          0,
          'a closer is not offered the audit page'
        )
        await page.getByTestId('palette-input').fill('board')
        await page.getByTestId('palette-input').press('Enter')
        await page.waitForURL((url) => url.pathname === '/board')
      } finally {
        await debugShot(page)
        await context.close()
      }
    }).timeout(60_000),
    'leads'
  )

  test('the Home asks for its numbers once (GET /api/summary), not list by list; a chart loads lazily', async ({
    assert,
  }) => {
    const actors = await makeActors()
    await createTask(actors, { title: `Home ${unique()}`, column: 'doing' })
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      const asked: URL[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/')) asked.push(url)
      })
      await page.goto(`${BASE()}/`)
      await page.getByTestId('activity-chart').locator('svg').first().waitFor()
      await page.getByText('Agent activity (events, 24 h)').waitFor()
      await page.getByText('Spend (30 days)').waitFor()
      await page.waitForLoadState('networkidle')

      const paths = asked.map((url) => url.pathname)
      assert.lengthOf(
        paths.filter((path) => path === '/api/summary'),
        1,
        paths.join(' ')
      )
      // no counting list by list any more (the shell's own event feed aside: every page has it)
      for (const list of [
        '/api/tasks',
        '/api/agents',
        '/api/usage/series',
        '/api/budgets',
        '/api/leads',
        '/api/drafts',
        '/api/approvals',
      ]) {
        assert.notInclude(paths, list, `the Home asked ${list}`)
      }
      const perAgentCounts = asked.filter(
        (url) => url.pathname === '/api/events' && url.searchParams.has('agent_id')
      )
      assert.lengthOf(perAgentCounts, 0)
      const doing = await db.from('tasks').where('column', 'doing').count('* as n').first()
      // as the Home writes a count: 1,546
      assert.include(
        await page.getByTestId('tasks-by-column').innerText(),
        Number(doing.n).toLocaleString('en-US')
      )
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(60_000)
})
