// A customer's whole lifecycle in the CP web app, with customers of their own so the
// demo customer other tests share is never subscribed or cancelled. Each starts with a configured
// marketing agent on its free trial (the launcher's BrowserJourneysTest sets that up):
//   - the subscriber: a trial post goes out as a dry run, said in words ("Dry run — nothing was
//     sent"), with the approval's lifetime beside it; Subscribe with a chosen monthly budget, and the
//     plan shows paid, the budget and what is left; a post denied for going over the budget says
//     why, and once the budget is raised, Retry approves it again and it goes out;
//   - the cancelling customer: Cancel after a confirmation, then the plan says when it ended and
//     until when the data is kept, every tab is read-only and Run now is refused in words.
// Steps build on each other within a journey; each leaves a screenshot in target/screenshots.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { screenshot } from '../src/browser.mjs';
import { journeySteps } from '../src/journey.mjs';
import { CP_URL, LIFECYCLE, PIPELINE_TIMEOUT_MS } from '../src/config.mjs';

const STEP = { timeout: 180_000 };

const tab = (page, name) => page.getByRole('tab', { name });
const tabPanel = (page) => page.getByRole('tabpanel');
const planPanel = (page) => page.getByRole('region', { name: 'Plan' });
const answers = (method, pattern) => (response) =>
  response.request().method() === method && pattern.test(new URL(response.url()).pathname);

/**
 * A journey of steps for one customer in one browser page: after a failed step the later ones are
 * skipped (they need it), not failed again. Skipped whole when the customer was not provided.
 */
function journey(title, email, body) {
  const missing = email ? false : 'needs a customer of its own (E2E_LIFECYCLE_EMAIL / E2E_CANCEL_EMAIL; BrowserJourneysTest sets them)';
  describe(title, { skip: missing }, () => {
    const journeyStep = journeySteps({ timeout: STEP.timeout });
    body(journeyStep);
  });
}

async function signIn(page, email) {
  await page.goto(`${CP_URL}/`);
  await page.getByRole('heading', { name: 'Sign in to My Agents' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(LIFECYCLE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: LIFECYCLE.agent, level: 2, exact: true }).waitFor();
}

/** Run now on the agent's goal, then wait in Review until that run's drafts are there; their ids. */
async function runGoalForDrafts(page, wanted) {
  await tab(page, 'Goal Setting').click();
  const card = tabPanel(page).locator('[data-goal-instance-id]').first();
  const [ran] = await Promise.all([
    page.waitForResponse(answers('POST', /\/run$/)),
    card.getByRole('button', { name: 'Run now' }).click(),
  ]);
  assert.equal(ran.status(), 202, `the run was accepted (HTTP ${ran.status()})`);
  const runId = (await ran.json()).run_id;

  await tab(page, 'Review').click();
  const drafts = tabPanel(page).locator(`[data-deliverable-id][data-run-id="${runId}"]`);
  const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
  while ((await drafts.count()) < wanted) {
    assert.ok(Date.now() < deadline, `the run produced fewer than ${wanted} drafts within ${PIPELINE_TIMEOUT_MS} ms`);
    await page.waitForTimeout(2_000);
    await tabPanel(page).getByRole('button', { name: 'Refresh' }).click();
  }
  return drafts.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-deliverable-id')));
}

/** Approve a draft in its detail panel; the card and the id of the approval Plant minted. */
async function approve(page, draftId) {
  const card = tabPanel(page).locator(`[data-deliverable-id="${draftId}"]`);
  await card.getByRole('button', { name: 'Review' }).click();
  const panel = tabPanel(page).getByRole('complementary');
  const [reviewed] = await Promise.all([
    page.waitForResponse(answers('POST', new RegExp(`/deliverables/${draftId}/review$`))),
    panel.getByRole('button', { name: 'Approve', exact: true }).click(),
  ]);
  assert.ok(reviewed.ok(), `the draft was approved (HTTP ${reviewed.status()})`);
  await panel.getByRole('status').filter({ hasText: /^Approved\./ }).waitFor();
  return { card, panel, approvalId: (await reviewed.json()).approval?.approval_id };
}

/** Publish… from the card and confirm; the answer to the execute request. */
async function publish(page, card, button = 'Publish…') {
  await card.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
  const [executed] = await Promise.all([
    page.waitForResponse(answers('POST', /\/execute$/)),
    dialog.getByRole('button', { name: 'Publish now' }).click(),
  ]);
  return executed;
}

async function changeBudget(page, rupees, shown) {
  const plan = planPanel(page);
  await plan.getByRole('button', { name: 'Change budget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the monthly budget' });
  await dialog.getByLabel('Monthly budget (INR)').fill(rupees);
  await dialog.getByRole('button', { name: 'Save budget' }).click();
  await plan.getByRole('status').filter({ hasText: `Budget changed to ${shown} a month.` }).waitFor();
}

journey('CP lifecycle: a trial agent publishes as a dry run, is subscribed, and a denied post is retried', LIFECYCLE.subscriberEmail, (journeyStep) => {
  let drafts;

  journeyStep('signs in as a customer of its own, whose agent is on its free trial', 'lifecycle-sign-in', async (page) => {
    await signIn(page, LIFECYCLE.subscriberEmail);
    assert.match(await planPanel(page).innerText(), /Free trial/);
    await planPanel(page).getByRole('button', { name: 'Subscribe' }).waitFor();
    await screenshot(page, 'L01-trial-agent');
  });

  journeyStep(
    'publishes an approved trial post and reads "Dry run — nothing was sent", with how long the approval is valid',
    'lifecycle-dry-run',
    async (page) => {
      drafts = await runGoalForDrafts(page, 2);
      const { card, panel } = await approve(page, drafts[0]);
      // the marketing definition's approval_ttl_hours, stamped on the approval, shown with its end
      const validity = panel.locator('.approval-validity');
      await validity.waitFor();
      assert.match(await validity.innerText(), /^Approval valid for 72 hours — until \S/);

      const executed = await publish(page, card);
      assert.equal(executed.status(), 202, `the post was allowed (HTTP ${executed.status()}: ${await executed.text()})`);
      const outcome = card.getByRole('status').filter({ hasText: 'Dry run — nothing was sent.' });
      await outcome.waitFor({ timeout: PIPELINE_TIMEOUT_MS });
      assert.match(await outcome.innerText(), /Would have posted on LinkedIn:/);
      await card.locator('.badge').filter({ hasText: 'Dry run — nothing was sent' }).waitFor();
      await screenshot(page, 'L02-dry-run-nothing-was-sent');
    },
  );

  journeyStep('subscribes with a chosen monthly budget; the plan shows paid, the budget and what is left', 'lifecycle-subscribe', async (page) => {
    const plan = planPanel(page);
    await plan.getByRole('button', { name: 'Subscribe' }).click();
    const dialog = page.getByRole('dialog', { name: `Subscribe to ${LIFECYCLE.agent}` });
    assert.match(await dialog.innerText(), /up to the monthly budget you choose/);
    await dialog.getByLabel('Monthly budget (INR)').fill('2000');
    await screenshot(page, 'L03a-subscribe-choose-budget');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();

    await plan.getByRole('status').filter({ hasText: `Subscribed. ${LIFECYCLE.agent} can spend up to ₹2,000.00 a month.` }).waitFor();
    await plan.getByText('Paid plan', { exact: true }).waitFor();
    const text = await plan.innerText();
    assert.match(text, /Monthly budget\s*₹2,000\.00/);
    assert.match(text, /Spent this month\s*₹[\d,]+\.\d\d/);
    assert.match(text, /Left this month\s*₹[\d,]+\.\d\d/);
    assert.equal(await plan.getByRole('button', { name: 'Subscribe' }).count(), 0, 'a paid plan offers no Subscribe');
    await screenshot(page, 'L03-paid-plan');
  });

  journeyStep(
    'reads why a post over the budget was not sent, raises the budget, and Retry approves it again and sends it',
    'lifecycle-retry',
    async (page) => {
      // one post costs more than ₹0.01: the next one is over the month's budget
      await changeBudget(page, '0.01', '₹0.01');
      // enforcement hears of the new budget through the outbox and the broker, in well under a second
      await page.waitForTimeout(3_000);
      await tab(page, 'Review').click();
      const { card, approvalId } = await approve(page, drafts[1]);
      const denied = await publish(page, card);
      assert.equal(denied.status(), 403, `the post over the budget was refused (HTTP ${denied.status()}: ${await denied.text()})`);
      const why = card.getByRole('alert').filter({ hasText: 'Not carried out' });
      await why.waitFor();
      assert.match(await why.innerText(), /This would go over the agent's monthly budget\./);
      assert.match(await why.innerText(), /Raise the budget, or wait for next month\./);
      await screenshot(page, 'L04a-denied-over-budget');

      await changeBudget(page, '2000', '₹2,000.00');
      // Retry: a fresh approval of the same draft, then the execution; until enforcement has heard of
      // the raised budget it may still refuse, so the customer tries again a moment later
      let newApproval;
      for (let attempt = 1; ; attempt++) {
        await tabPanel(page).getByRole('button', { name: 'Refresh' }).click();
        const retry = card.getByRole('button', { name: 'Retry' });
        await retry.waitFor();
        await retry.click();
        const dialog = page.getByRole('dialog', { name: 'Publish this post?' });
        assert.match(await dialog.innerText(), /This approves the draft again, then carries it out\./);
        const [reviewed, executed] = await Promise.all([
          page.waitForResponse(answers('POST', new RegExp(`/deliverables/${drafts[1]}/review$`))),
          page.waitForResponse(answers('POST', /\/execute$/)),
          dialog.getByRole('button', { name: 'Publish now' }).click(),
        ]);
        newApproval = (await reviewed.json()).approval?.approval_id;
        if (executed.status() === 202) {
          break;
        }
        assert.ok(attempt < 10, `the retry stayed refused: HTTP ${executed.status()} ${await executed.text()}`);
        await page.waitForTimeout(2_000);
      }
      assert.ok(newApproval && newApproval !== approvalId, 'the retry carries a new approval');
      await card.getByRole('status').filter({ hasText: 'Dry run — nothing was sent.' }).waitFor({ timeout: PIPELINE_TIMEOUT_MS });
      await screenshot(page, 'L04-retried-and-sent');
    },
  );
});

journey('CP lifecycle: cancelling a subscription', LIFECYCLE.cancellingEmail, (journeyStep) => {
  journeyStep('signs in as a customer of its own', 'cancel-sign-in', async (page) => {
    await signIn(page, LIFECYCLE.cancellingEmail);
  });

  journeyStep(
    'cancels after a confirmation, and reads when it ended, that it is read-only and until when its data is kept',
    'cancel',
    async (page) => {
      const plan = planPanel(page);
      await plan.getByRole('button', { name: 'Cancel subscription' }).click();
      const dialog = page.getByRole('dialog', { name: `Cancel the subscription of ${LIFECYCLE.agent}?` });
      assert.match(await dialog.innerText(), /Its goals stop running/);
      await screenshot(page, 'L05a-cancel-confirmation');
      await dialog.getByRole('button', { name: 'Cancel subscription' }).click();

      await plan.getByRole('status').filter({ hasText: /^Subscription cancelled\. Runs and executions have stopped; your data is kept until / }).waitFor();
      await plan.getByText(/^Ended on \d{1,2} \w+ \d{4}, read-only; data kept until \d{1,2} \w+ \d{4}, then deleted\./).waitFor();
      assert.equal(await plan.getByRole('button', { name: /^(Subscribe|Cancel subscription|Change budget)$/ }).count(), 0);
      await screenshot(page, 'L05-cancelled-ended-read-only');
    },
  );

  journeyStep('finds the tabs read-only and Run now refused in words', 'cancel-read-only', async (page) => {
    await tab(page, 'Configure').click();
    await tabPanel(page).getByText('This agent is read-only now', { exact: false }).waitFor();
    assert.ok(await tabPanel(page).getByRole('button', { name: 'Save', exact: true }).isDisabled(), 'Save is off');

    await tab(page, 'Goal Setting').click();
    await tabPanel(page).getByText(/^Run now is off: this subscription has ended, so nothing runs any more\./).waitFor();
    const card = tabPanel(page).locator('[data-goal-instance-id]').first();
    assert.ok(await card.getByRole('button', { name: 'Run now' }).isDisabled(), 'Run now is off');
    await screenshot(page, 'L06-cancelled-run-now-off');

    // and the server refuses it too, in words, whoever asks
    const instance = new URL(page.url()).searchParams.get('agent');
    const goal = await card.getAttribute('data-goal-instance-id');
    const login = await page.request.post(`${CP_URL}/api/cp/auth/login`, {
      data: { email: LIFECYCLE.cancellingEmail, password: LIFECYCLE.password },
    });
    const token = (await login.json()).access_token;
    const run = await page.request.post(`${CP_URL}/api/cp/hired-agents/${instance}/goals/${goal}/run`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(run.status(), 409);
    const refusal = await run.json();
    assert.equal(refusal.reason, 'subscription_inactive');
    assert.match(refusal.detail, /This subscription has ended .*read-only and its data is kept until/);
  });
});
