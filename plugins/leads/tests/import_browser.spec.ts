import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { BASE, contextFor, shot, unique, useAdminBrowser } from '#tests/helpers/admin_browser'
import { groupNeeds } from '#tests/helpers/plugins'
import { removeExpiredRejections } from '../services/lead_imports.js'

/*
| The import wizard in Chromium: from the leads list, a small file is
| uploaded, a column mapped by hand, the rows checked, imported with the
| progress bar, and the counts and the rejected rows' download shown.
| Who may not create leads sees neither the button nor the page.
*/
test.group('Admin: CSV import wizard in Chromium', (group) => {
  groupNeeds(group, 'leads')
  useAdminBrowser(group)

  test('upload, map, check, import: the counts and the rejected rows', async ({ assert }) => {
    const admin = await makeUser(Role.Admin)
    const tag = unique()
    const file = [
      'Company,Web,Industry,City,Mail,Remarks',
      `Wizard Dental ${tag},wizard-${tag}.example,Dentists,"Austin, TX",hi@wizard-${tag}.example,Call Monday`,
      `"Comma, Roofing ${tag}",comma-${tag}.example,Roofers,"Boise, ID",,`,
      `Zoë Café ${tag},zoe-${tag}.example,Cafés,Zürich,,`,
      `Broken ${tag},not a website,Plumbers,Leeds,,`,
      `Twice ${tag},wizard-${tag}.example,Dentists,Austin,,`,
    ].join('\r\n')

    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/leads`)
      await page.getByTestId('import-csv').click()
      await page.waitForURL(/\/leads\/import$/)
      await page.getByText('Click or drop a CSV file here').waitFor()

      await page.locator('input[type=file]').setInputFiles({
        name: `wizard-${tag}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(file),
      })
      // the columns: guessed from the headers; "Remarks" is mapped by hand
      const mappingTable = page.getByTestId('import-mapping')
      await mappingTable.waitFor()
      assert.include(await mappingTable.textContent(), `Wizard Dental ${tag}`)
      await page.getByTestId('map-5').click()
      await page.keyboard.type('Next st')
      await page.locator('.ant-select-item-option', { hasText: 'Next step' }).click()
      await page.getByTestId('import-next').click()

      const preview = page.getByTestId('import-preview')
      await preview.waitFor()
      assert.include(await preview.textContent(), `Comma, Roofing ${tag}`)
      assert.include(await preview.textContent(), 'Call Monday')
      await shot(page, 'lead-import')
      await page.getByTestId('import-start').click()

      const result = page.getByTestId('import-result')
      await result.waitFor({ timeout: 30_000 })
      assert.include(await page.getByTestId('import-rows').textContent(), '5')
      assert.include(await page.getByTestId('import-imported').textContent(), '3')
      assert.include(await page.getByTestId('import-rejected').textContent(), '2')
      assert.include(await result.textContent(), '1 invalid, 1 twice in the file')

      const link = page.getByTestId('import-rejected-csv')
      const href = await link.getAttribute('href')
      assert.match(href!, /^\/api\/leads\/imports\/[0-9a-f-]+\/rejected\.csv$/)
      const download = await page.request.get(`${BASE()}${href}`)
      assert.equal(download.status(), 200)
      const text = await download.text()
      assert.include(text, 'row,reason,message,Company,Web,Industry,City,Mail,Remarks')
      assert.include(text, `5,invalid,website is not a valid website address,Broken ${tag}`)
      assert.include(text, `6,duplicate_in_file,same website as row 2,Twice ${tag}`)

      const stored = await db.from('leads').where('website', `wizard-${tag}.example`).first()
      assert.equal(stored.next_step, 'Call Monday')
      assert.equal(stored.email, `hi@wizard-${tag}.example`)

      // the next import starts on the list of past ones, this one first
      await page.getByRole('button', { name: 'Import another file' }).click()
      const past = page.getByTestId('past-imports')
      await past.locator('tbody tr', { hasText: `wizard-${tag}.csv` }).waitFor()
      const first = past.locator('tbody tr.ant-table-row').first()
      assert.include(await first.textContent(), `wizard-${tag}.csv`)
      assert.include(await first.textContent(), 'Done')
      assert.equal(await first.locator('a[download]').getAttribute('href'), href)

      // its rejected rows past their days: removed by the sweep, and the list says so without a link
      const id = href!.split('/')[4]
      await db
        .from('lead_imports')
        .where('id', id)
        .update({ finished_at: db.knexRawQuery(`now() - interval '31 days'`) })
      await removeExpiredRejections(30)
      await page.reload()
      const row = page.getByTestId('past-imports').locator('tbody tr', {
        hasText: `wizard-${tag}.csv`,
      })
      await row.getByText('2 (removed)').waitFor()
      assert.equal(await row.locator('a[download]').count(), 0)

      // the list shows the new leads
      await page.goto(`${BASE()}/leads`)
      await page.getByText(`Wizard Dental ${tag}`).first().waitFor()
    } finally {
      await context.close()
    }
  }).timeout(120_000)

  test('the answer to the upload is lost: the wizard follows the import on the server to its end', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const tag = unique()
    const file = [
      'Company,Web,Industry,City',
      `Lost Answer ${tag},lost-${tag}.example,Dentists,"Austin, TX"`,
      `Second ${tag},second-${tag}.example,Roofers,"Boise, ID"`,
    ].join('\r\n')
    const { context, page } = await contextFor(admin.email)
    try {
      // the server gets the file and imports it; its answer never reaches the browser
      await page.route('**/api/leads/import?*', async (route) => {
        await route.fetch()
        await route.abort('connectionreset')
      })
      await page.goto(`${BASE()}/leads/import`)
      await page.locator('input[type=file]').setInputFiles({
        name: `lost-${tag}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(file),
      })
      await page.getByTestId('import-next').click()
      await page.getByTestId('import-start').click()
      const result = page.getByTestId('import-result')
      await result.waitFor({ timeout: 30_000 })
      assert.include(await page.getByTestId('import-imported').textContent(), '2')
      assert.equal(await page.getByTestId('import-failed').count(), 0)
      assert.isOk(await db.from('leads').where('website', `lost-${tag}.example`).first())
    } finally {
      await context.close()
    }
  }).timeout(90_000)

  test('who may not create leads sees no import', async ({ assert }) => {
    const viewer = await makeUser(Role.Viewer)
    const { context, page } = await contextFor(viewer.email)
    try {
      await page.goto(`${BASE()}/leads`)
      await page.getByTestId('export-csv').or(page.locator('.ant-table')).first().waitFor()
      assert.equal(await page.getByTestId('import-csv').count(), 0)
      await page.goto(`${BASE()}/leads/import`)
      await page.getByText('Not allowed').waitFor()
    } finally {
      await context.close()
    }
  }).timeout(60_000)
})
