// The customer's journey through the CP web app against a running system (CP_URL): sign in,
// switch agents, keep one page width on every tab, open a fresh form without a wall of errors, see that a plan blocked by its risk
// checks cannot be approved, configure the marketing agent with a platform connection, add a
// goal and run it, approve a draft and publish it after a confirmation that restates it, and find
// no way to publish a draft nobody approved.
// The steps build on each other and run in order; each leaves a screenshot in target/screenshots.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { screenshot } from '../src/browser.mjs';
import { journeySteps } from '../src/journey.mjs';
import { CP_URL, CUSTOMER, PIPELINE_TIMEOUT_MS } from '../src/config.mjs';

const STEP = { timeout: 120_000 };

describe('CP: a customer puts an agent to work', () => {
  let page;
  let goalInstanceId;
  let runId;
  let approvedDraftId;
  let unapprovedDraftId;

  const journeyStep = journeySteps({
    timeout: STEP.timeout,
    onPage: (opened) => {
      page = opened;
      // Leaving a form with unsaved edits asks first; the journey always agrees.
      page.on('dialog', (dialog) => dialog.accept());
    },
  });

  const agentSelector = () => page.getByLabel('Agent', { exact: true });
  const tab = (name) => page.getByRole('tab', { name });
  const tabPanel = () => page.getByRole('tabpanel');

  async function chooseAgent(nickname) {
    const options = await agentSelector()
      .locator('option')
      .evaluateAll((all) => all.map((option) => ({ value: option.value, text: option.textContent ?? '' })));
    const option = options.find((candidate) => candidate.text.startsWith(`${nickname} — `));
    assert.ok(option, `no agent "${nickname}" in the selector; it offers: ${options.map((o) => o.text).join(' | ')}`);
    await agentSelector().selectOption(option.value);
    await page.getByRole('heading', { name: nickname, level: 2 }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('agent'), option.value);
    return option.value;
  }

  journeyStep('signs in as the demo customer and lands on the hub', 'sign-in', async () => {
    await page.goto(`${CP_URL}/`);
    await page.getByRole('heading', { name: 'Sign in to My Agents' }).waitFor();
    await page.getByLabel('Email').fill(CUSTOMER.email);
    await page.getByLabel('Password').fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await agentSelector().waitFor();
    assert.ok(new URL(page.url()).searchParams.get('agent'), 'the selected agent is in the URL');
    await screenshot(page, '01-hub');
  });

  journeyStep('switches between agents with the dropdown', 'switch-agents', async () => {
    await chooseAgent(CUSTOMER.tradingAgent);
    await screenshot(page, '02-trading-agent-selected');

    await chooseAgent(CUSTOMER.marketingAgent);
    await page.reload();
    await page.getByRole('heading', { name: CUSTOMER.marketingAgent, level: 2 }).waitFor();
  });

  journeyStep(
    'keeps one page width on every tab, wide and phone-sized, with nothing wider than the page',
    'no-layout-jump',
    async () => {
      await chooseAgent(CUSTOMER.marketingAgent);
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(viewport);
        const widths = [];
        for (const name of ['Configure', 'Goal Setting', 'Review']) {
          await tab(name).click();
          await tabPanel().waitFor();
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
          // measure the tab's content, not its "Loading…" line (never fails by itself)
          await page
            .waitForFunction(() => !/Loading/.test(document.querySelector('[role="tabpanel"]')?.textContent ?? ''), null, { timeout: 15_000 })
            .catch(() => {});
          const measured = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            pageWidth: document.querySelector('main.page')?.getBoundingClientRect().width,
          }));
          assert.ok(
            measured.scrollWidth <= measured.clientWidth,
            `at ${viewport.width} px the ${name} tab is ${measured.scrollWidth} px wide in a ${measured.clientWidth} px window`,
          );
          widths.push(measured.pageWidth);
          await screenshot(page, `02b-width-${viewport.width}-${name.replace(' ', '-').toLowerCase()}`);
        }
        assert.equal(new Set(widths).size, 1, `at ${viewport.width} px the page width changes between tabs: ${widths.join(', ')}`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    { laterStepsNeedIt: false },
  );

  journeyStep(
    'opens a fresh form without errors, and explains a field in words once it is touched',
    'fresh-form',
    async () => {
      await chooseAgent(CUSTOMER.tradingAgent);
      await tab('Configure').click();
      const form = tabPanel().getByRole('form', { name: /^Configure / });
      await form.waitFor();
      assert.equal(await form.locator('.field-errors').count(), 0, 'a fresh form shows no errors before it is touched');
      assert.equal(await form.getByText(/Required property/).count(), 0, 'no raw validator text');
      await screenshot(page, '03a-fresh-form-no-errors');

      const coins = form.getByRole('group', { name: 'Allowed coins' });
      await coins.getByLabel('Add to Allowed coins').fill('btc');
      await coins.getByRole('button', { name: 'Add' }).click();
      await coins.getByText(/must be an upper-case coin symbol/).waitFor();
      await screenshot(page, '03b-pattern-error-in-words');
      await coins.getByRole('button', { name: /^Remove btc/ }).first().click();
    },
    { laterStepsNeedIt: false },
  );

  journeyStep(
    'cannot approve a trading plan that failed its risk checks, and reads why',
    'blocked-plan',
    async () => {
      await tab('Review').click();
      const blocked = tabPanel().locator('[data-deliverable-id="00000000-0000-0000-0000-00000000d002"]');
      await blocked.waitFor();
      await blocked.getByText('Failed its risk checks — cannot be approved.').waitFor();
      await blocked.getByRole('button', { name: 'Review' }).click();
      const panel = tabPanel().getByRole('complementary');
      const approve = panel.getByRole('button', { name: 'Approve', exact: true });
      assert.ok(await approve.isDisabled(), 'Approve is disabled for a blocked plan');
      assert.match(await panel.innerText(), /max units per order \(5 units asked, at most 2 allowed\)/);
      await screenshot(page, '03c-blocked-plan-cannot-be-approved');
      await chooseAgent(CUSTOMER.marketingAgent);
    },
    { laterStepsNeedIt: false },
  );

  journeyStep('configures the marketing agent, connecting a platform in CP', 'configure', async () => {
    await tab('Configure').click();
    const form = tabPanel().getByRole('form', { name: /^Configure / });
    await form.waitFor();

    const fillIfEmpty = async (label, value) => {
      const input = form.getByRole('textbox', { name: label, exact: true });
      if (!(await input.inputValue())) {
        await input.fill(value);
      }
    };
    await fillIfEmpty('Agent nickname', CUSTOMER.marketingAgent);
    await form.getByRole('combobox', { name: 'Avatar / theme' }).selectOption({ label: 'teal' });
    await form.getByRole('combobox', { name: 'Primary language' }).selectOption({ label: 'English' });
    await form.getByRole('searchbox', { name: 'Filter the Timezone list' }).fill('Kolkata');
    await form.getByRole('combobox', { name: 'Timezone', exact: true }).selectOption('Asia/Kolkata');
    await fillIfEmpty('Brand name', 'Sunrise Clinic');
    await fillIfEmpty('Location', 'Pune');
    const offerings = form.getByRole('group', { name: 'Offerings / services' });
    if ((await offerings.getByRole('textbox', { name: /Offerings \/ services, entry/ }).count()) === 0) {
      await offerings.getByRole('textbox', { name: 'Add to Offerings / services' }).fill('General check-ups');
      await offerings.getByRole('button', { name: 'Add' }).click();
    }
    await form.getByRole('group', { name: 'Platforms enabled' }).getByRole('checkbox', { name: 'LinkedIn' }).check();

    // Every enabled platform needs a connection: connect LinkedIn anew (and any other not yet connected).
    const connections = form.getByRole('group', { name: 'Platform connections' });
    const connectButtons = connections.getByRole('button', { name: /^Connect / });
    for (let index = 0; index < (await connectButtons.count()); index++) {
      const button = connectButtons.nth(index);
      const platform = (await button.textContent()).replace(/^Connect /, '');
      const chosen = connections.getByRole('combobox', { name: `${platform} connection` });
      if (platform !== 'LinkedIn' && (await chosen.inputValue())) {
        continue;
      }
      await button.click();
      const dialog = page.getByRole('dialog', { name: `Connect ${platform}` });
      const token = dialog.getByLabel('Access token');
      assert.equal(await token.getAttribute('type'), 'password', 'the token is typed into a password field');
      const identity = dialog.getByLabel('Posting identity');
      if (!(await identity.inputValue())) {
        await identity.fill('sunrise-clinic');
      }
      await token.fill(`e2e-${platform.toLowerCase()}-token-${Date.now()}`);
      if (platform === 'LinkedIn') {
        await screenshot(page, '03-connect-platform-dialog');
      }
      await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.notEqual(await chosen.inputValue(), '', `${platform} has a credential ref after connecting`);
    }

    const save = form.getByRole('button', { name: 'Save', exact: true });
    if (await save.isDisabled()) {
      const why = await form.locator('.form-problems').allTextContents();
      assert.fail(`Save stays disabled: ${why.join(' ')}`);
    }
    await save.click();
    await form.getByRole('status').filter({ hasText: /^Saved/ }).waitFor();
    await screenshot(page, '04-configured');
  });

  journeyStep('adds a goal and runs it now', 'goal', async () => {
    await tab('Goal Setting').click();
    await tabPanel().getByRole('button', { name: 'Add Weekly multichannel posting batch' }).click();
    const editor = tabPanel().getByRole('form', { name: 'New goal: Weekly multichannel posting batch' });
    const [saved] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PUT' && /\/goals$/.test(new URL(response.url()).pathname)),
      editor.getByRole('button', { name: 'Add goal' }).click(),
    ]);
    assert.ok(saved.ok(), `the goal was saved (HTTP ${saved.status()})`);
    goalInstanceId = (await saved.json()).goal_instance_id;
    await tabPanel().getByRole('status').filter({ hasText: 'Added Weekly multichannel posting batch.' }).waitFor();

    // A new agent is finalized once it has a configuration and a goal; that starts its trial.
    await tab('Configure').click();
    const finalize = tabPanel().getByRole('button', { name: 'Finalize' });
    await tabPanel().getByRole('heading', { name: 'Finalize' }).waitFor();
    if (await finalize.isVisible()) {
      await finalize.click();
      await tabPanel().getByText(/^Finalized on/).waitFor();
    }

    await tab('Goal Setting').click();
    const card = tabPanel().locator(`[data-goal-instance-id="${goalInstanceId}"]`);
    const [ran] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && /\/run$/.test(new URL(response.url()).pathname)),
      card.getByRole('button', { name: 'Run now' }).click(),
    ]);
    assert.equal(ran.status(), 202, `the run was accepted (HTTP ${ran.status()})`);
    runId = (await ran.json()).run_id;
    // The card says what really happened: requested, then finished (or why not).
    await card.getByText(/^Run (requested|finished)/).first().waitFor();
    assert.equal(await card.getByText(/Run started/).count(), 0);
    await screenshot(page, '05-goal-run-requested');
  });

  journeyStep('finds the drafts of that run and approves one with notes', 'approve', async () => {
    await tab('Review').click();
    await tabPanel().getByRole('combobox', { name: 'Goal' }).selectOption(goalInstanceId);

    // The run's drafts arrive through the pipeline; refresh until there are two to work with. Only
    // this run's drafts count: the goal may have older ones that other tests have already reviewed.
    const drafts = tabPanel().locator(`[data-deliverable-id][data-run-id="${runId}"]`);
    const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
    while ((await drafts.count()) < 2) {
      assert.ok(Date.now() < deadline, `the run produced fewer than 2 drafts within ${PIPELINE_TIMEOUT_MS} ms`);
      await page.waitForTimeout(2_000);
      await tabPanel().getByRole('button', { name: 'Refresh' }).click();
    }
    approvedDraftId = await drafts.nth(0).getAttribute('data-deliverable-id');
    unapprovedDraftId = await drafts.nth(1).getAttribute('data-deliverable-id');
    await screenshot(page, '06-review-drafts');

    const card = tabPanel().locator(`[data-deliverable-id="${approvedDraftId}"]`);
    await card.getByRole('button', { name: 'Review' }).click();
    const panel = tabPanel().getByRole('complementary');
    await panel.getByLabel('Notes (optional; kept on the draft)').fill('Approved by the end-to-end test');
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: /^Approved\./ }).waitFor();
    await card.getByText('Approved', { exact: true }).waitFor();
    await screenshot(page, '07-draft-approved');
  });

  journeyStep(
    'publishes the approved draft after a confirmation that restates it, and reads what really happened',
    'execute',
    async () => {
      const card = tabPanel().locator(`[data-deliverable-id="${approvedDraftId}"]`);
      await card.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
      assert.match(await dialog.innerText(), /This post goes out on (LinkedIn|X|Instagram|Facebook)/);
      await screenshot(page, '08a-publish-confirmation');
      await dialog.getByRole('button', { name: 'Publish now' }).click();

      // A trial publishes as a dry run: it must say so, never "executed".
      const outcome = card.getByRole('status').filter({ hasText: /Published\.|Dry run — nothing was sent\.|It failed/ });
      await outcome.waitFor({ timeout: PIPELINE_TIMEOUT_MS }).catch(async (failure) => {
        await screenshot(page, '08-executed-no-result');
        throw failure;
      });
      await screenshot(page, '08-executed');
    },
    { laterStepsNeedIt: false },
  );

  journeyStep('finds no way to publish a draft nobody approved', 'not-approved', async () => {
    const card = tabPanel().locator(`[data-deliverable-id="${unapprovedDraftId}"]`);
    await card.getByText('Waiting for review', { exact: true }).waitFor();

    assert.equal(await card.getByRole('button', { name: /^(Publish|Execute|Place order)/ }).count(), 0);
    await screenshot(page, '09-unapproved-has-no-publish');
  });
});
