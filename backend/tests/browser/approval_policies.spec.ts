import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call, type Actors } from '#tests/helpers/actors'
import { BASE, contextFor, debugShot, useAdminBrowser } from '#tests/helpers/admin_browser'

/** A draft of the actors' copywriter, submitted: the answer is the draft after submission. */
async function submit(actors: Actors) {
  const created = await call(actors.tokens.agent, 'POST', '/api/drafts', {
    channel: 'email',
    draft_type: 'cold_email',
    content: 'Hello, a short note about your clinic.',
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  const submitted = await call(actors.tokens.agent, 'POST', `/api/drafts/${created.body.id}/submit`)
  return submitted.body as { id: string; status: string; current_version: number }
}

test.group('Admin: approval policies and earned autonomy', (group) => {
  useAdminBrowser(group)
  group.setup(() => async () => {
    // policies name agent types every test shares: none outlives the group
    await db.from('approval_policies').delete()
  })

  test('the admin sets a policy; the agent earns it, is approved by policy (and why), and is revoked in one click', async ({
    assert,
  }) => {
    const actors = await makeActors({ agentType: 'copywriter' })
    // the agents page shows 12 cards a page, by name: this one sorts first, whatever earlier tests created
    actors.agent.name = `0-autonomy-${actors.agent.id.slice(0, 8)}`
    await actors.agent.save()
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/approval-policies`)
      await page.getByTestId('policy-new').click()
      const dialog = page.locator('.ant-modal')
      await dialog.getByTestId('policy-agent-type').click()
      await page.locator('.ant-select-item-option', { hasText: '(copywriter)' }).click()
      await dialog.getByTestId('policy-channel').click()
      await page.locator('.ant-select-item-option[title="Email"]').click()
      await dialog.getByText('Auto-approve when earned').click()
      await dialog.getByTestId('policy-min-decided').fill('2')
      await dialog.getByTestId('policy-min-clean').fill('80')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await page.getByTestId('policies').getByText('auto-approve', { exact: true }).waitFor()

      const stored = await call(
        actors.tokens.viewer,
        'GET',
        '/api/approval-policies/copywriter/email'
      )
      assert.deepInclude(stored.body, {
        mode: 'auto_approve',
        min_decided: 2,
        min_clean_rate: 0.8,
        required_approvals: 1,
        updated_by: admin.id,
      })

      // two drafts decided by people earn it; the third is approved by the policy
      for (let i = 0; i < 2; i++) {
        const draft = await submit(actors)
        await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
          action: 'approve',
          version: draft.current_version,
        })
      }
      const auto = await submit(actors)
      assert.equal(auto.status, 'approved')

      // the page says what was approved by policy, and why
      await page.reload()
      const approvals = page.getByTestId('auto-approvals')
      await approvals.getByText('Approved by policy').first().waitFor()
      await approvals.getByTestId('policy-evidence').first().waitFor()
      assert.include(
        await approvals.getByTestId('policy-evidence').first().innerText(),
        '2 of 2 decisions'
      )
      // and so does the inbox's history
      await page.goto(`${BASE()}/inbox`)
      const history = page.getByTestId('decision-history')
      await history.getByText('Approved by policy').first().waitFor()

      // the agent's page: its record, and one click (confirmed) revokes its autonomy
      await page.goto(`${BASE()}/agents/show/${actors.agent.id}`)
      const panel = page.getByTestId('autonomy-panel')
      assert.include(await panel.getByTestId('autonomy-state').innerText(), 'Email')
      await panel.getByTestId('autonomy-revoke').click()
      await page.getByTestId('revoke-reason').fill('Checking the tone')
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Revoke' }).click()
      await panel.getByTestId('autonomy-restore').waitFor()
      assert.equal((await panel.getByTestId('autonomy-state').innerText()).trim(), 'Revoked')
      assert.equal((await submit(actors)).status, 'needs_approval')

      // the card says it too
      await page.goto(`${BASE()}/agents`)
      const line = page.getByTestId(`agent-card-${actors.agent.name}`).getByTestId('autonomy-line')
      await line.waitFor()
      assert.include(await line.innerText(), 'revoked')
    } catch (error) {
      await debugShot(page)
      throw error
    } finally {
      await context.close()
    }
  })

  test('a viewer reads the policies but cannot set them', async ({ assert }) => {
    const viewer = await makeUser(Role.Viewer)
    const { context, page } = await contextFor(viewer.email)
    try {
      await page.goto(`${BASE()}/approval-policies`)
      await page.getByTestId('policies').waitFor()
      await page.getByTestId('auto-approvals').waitFor()
      assert.equal(await page.getByTestId('policy-new').count(), 0)
    } finally {
      await context.close()
    }
  })
})
