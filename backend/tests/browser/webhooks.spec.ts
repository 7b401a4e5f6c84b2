import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { BASE, contextFor, debugShot, shot, useAdminBrowser } from '#tests/helpers/admin_browser'
import { webhookReceiver } from '#tests/helpers/webhook_receiver'
import { webhookSettings } from '#services/webhook_targets'
import { deliverySettings, webhookSender } from '#services/webhook_delivery'

/*
| An admin subscribes a URL, sends a test and sees it delivered; a failing
| receiver's answer is shown and redelivered from the page. Other roles have
| no Webhooks screen (and the API refuses them: functional/webhooks).
*/
test.group('Admin: webhooks in Chromium', (group) => {
  useAdminBrowser(group)
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>
  const saved = { ...deliverySettings }
  group.setup(async () => {
    webhookSettings.allowPrivateTargets = true
    deliverySettings.pollMs = 200
    deliverySettings.retrySeconds = []
    receiver = await webhookReceiver()
    webhookSender.start()
    return async () => {
      await webhookSender.stop()
      Object.assign(deliverySettings, saved)
      webhookSettings.allowPrivateTargets = false
      await db.from('webhook_subscriptions').delete()
      await receiver.close()
    }
  })

  test('subscribe, send a test, see the failure, redeliver', async ({ assert }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      receiver.answerWith(() => ({ status: 500, body: 'receiver is down for maintenance' }))
      await page.goto(`${BASE()}/webhooks/create`)
      await page.getByLabel('URL').fill(receiver.url)
      await page.getByLabel('Description').fill('The CRM')
      const types = page.getByLabel('Event types')
      await types.fill('draft.*')
      await types.press('Enter')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Save' }).click()
      await page.waitForURL(/\/webhooks\/show\//)
      await page.getByText('Signing secret').waitFor()

      await page.getByRole('button', { name: 'Send test' }).click()
      await page.getByTestId('delivery-status').filter({ hasText: 'failed' }).waitFor({ timeout: 20_000 })
      await page.locator('.ant-table-row-expand-icon').first().click()
      await page.getByText('receiver is down for maintenance').waitFor()
      await shot(page, 'webhook-deliveries')

      receiver.answerWith(() => ({ status: 200, body: 'ok' }))
      await page.getByRole('button', { name: 'Redeliver' }).click()
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Redeliver' }).click()
      await page.getByTestId('delivery-status').filter({ hasText: 'delivered' }).waitFor({ timeout: 20_000 })
      const tests = receiver.received.filter((r) => r.json?.type === 'webhook.test')
      assert.lengthOf(tests, 2)
      assert.equal(tests[0].headers['webhook-id'], tests[1].headers['webhook-id'])

      await page.goto(`${BASE()}/webhooks`)
      await page.getByText('The CRM').waitFor()
      await page.getByText('1 delivered').waitFor()
    } catch (error) {
      await debugShot(page)
      throw error
    } finally {
      await context.close()
    }
  })

  test('an operator has no Webhooks screen', async ({ assert }) => {
    const operator = await makeUser(Role.Operator)
    const { context, page } = await contextFor(operator.email)
    try {
      await page.locator('.ant-layout-sider .ant-menu a[href]').first().waitFor()
      assert.equal(await page.locator('.ant-layout-sider a[href="/webhooks"]').count(), 0)
      await page.goto(`${BASE()}/webhooks`)
      await page.getByText(/not allowed|permission|403/i).first().waitFor()
    } finally {
      await context.close()
    }
  })
})
