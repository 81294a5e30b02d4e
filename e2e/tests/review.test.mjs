// A new customer's first run, and a post approved for a time that then goes out by itself, in a
// real browser against a running system (CP_URL). The customer is the test's own
// (E2E_REVIEW_CUSTOMER_EMAIL, made by the launcher's BrowserJourneysTest): the seeded demo
// customer, whose drafts the other journeys use, is left alone.
//
// Hiring goes through the app (its confirmation states the trial and the price after it); the
// agent's settings and goal are then put in through CP's API, as the Configure form is the subject
// of cp.test.mjs, not of this journey. Run refused before finalizing → Finalize → run → approve a
// draft for a time about a minute ahead → the calendar shows it scheduled → at that time the
// publishing queue sends it by itself (a dry run on the embedded default, whose connectors send
// nothing) → the calendar and the draft say so. The system's clock is the real one: there is no
// test clock in the running system (the publishing queue reads the system clock every 5 s), so
// the slot is a real time a little ahead and the journey waits for it.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { screenshot, expectTitle } from '../src/browser.mjs';
import { journeySteps } from '../src/journey.mjs';
import { CP_URL, PIPELINE_TIMEOUT_MS, REVIEW_CUSTOMER } from '../src/config.mjs';

const STEP = { timeout: 120_000 };
const AGENT_TYPE = 'marketing.healthcare.v1';
const AGENT_TYPE_NAME = 'Digital Marketing Agent (Healthcare)';
const NICKNAME = 'Review Journey';
const ZONE_OFFSET_MINUTES = 330; // Asia/Kolkata, the agent's timezone (no daylight saving)

async function api(method, path, token, body) {
  const response = await fetch(`${CP_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The hired agent's settings and a weekly goal, through CP's API; not finalized. */
async function configureWithoutFinalizing(hiredInstanceId) {
  const { access_token: token } = await api('POST', '/api/cp/auth/login', undefined, {
    email: REVIEW_CUSTOMER.email,
    password: REVIEW_CUSTOMER.password,
  });
  const hired = await api('GET', `/api/cp/hired-agents/${hiredInstanceId}`, token);
  const credential = await api('PUT', '/api/cp/platform-credentials', token, {
    platform: 'linkedin',
    posting_identity: 'urn:li:organization:4242',
    access_token: `e2e-review-${Date.now()}`,
  });
  const configured = await api('PUT', '/api/cp/hired-agents/draft', token, {
    subscription_id: hired.subscription_id,
    config: {
      nickname: NICKNAME,
      theme: 'teal',
      primary_language: 'en',
      timezone: 'Asia/Kolkata',
      brand_name: 'Lakeside Clinic',
      offerings: ['Flu shots'],
      location: 'Pune',
      platforms_enabled: ['linkedin'],
      platform_credentials: { linkedin: { credential_ref: credential.credential_ref } },
      review_policy: 'approval_required_per_post',
    },
  });
  assert.equal(configured.configured, true, `configured: ${JSON.stringify(configured.config_violations)}`);
  const goal = await api('PUT', `/api/cp/hired-agents/${hiredInstanceId}/goals`, token, {
    goal_template_id: 'marketing.weekly_multichannel_batch',
    frequency: 'weekly',
    settings: { posts_per_week: 2 },
    enabled: true,
  });
  assert.equal(configured.finalized_at ?? null, null, 'the agent is not finalized yet');
  return goal.goal_instance_id;
}

describe('CP: a new customer runs, schedules and sees it go out', { skip: !REVIEW_CUSTOMER.email && 'E2E_REVIEW_CUSTOMER_EMAIL is not set' }, () => {
  let page;
  let hiredInstanceId;
  let goalInstanceId;
  let runId;
  let scheduledDraftId;
  let slotLocal;

  const journeyStep = journeySteps({
    timeout: STEP.timeout,
    onPage: (opened) => {
      page = opened;
      page.on('dialog', (dialog) => dialog.accept());
    },
  });

  const tab = (name) => page.getByRole('tab', { name });
  const tabPanel = () => page.getByRole('tabpanel');
  const goalCard = () => tabPanel().locator(`[data-goal-instance-id="${goalInstanceId}"]`);

  journeyStep('hires an agent after a confirmation that states the trial and the price after it', 'r-hire', async () => {
    await page.goto(`${CP_URL}/`);
    await page.getByLabel('Email').fill(REVIEW_CUSTOMER.email);
    await page.getByLabel('Password').fill(REVIEW_CUSTOMER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You have not hired any agents yet.').waitFor();
    await page.getByRole('link', { name: 'Hire an agent' }).first().click();
    await expectTitle(page, /Hire an agent/);

    await page.getByRole('button', { name: `Hire ${AGENT_TYPE_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Hire ${AGENT_TYPE_NAME}?` });
    const terms = await dialog.innerText();
    assert.match(terms, /\d+-day trial/);
    assert.match(terms, /The trial starts when you finalize the agent/);
    assert.match(terms, /After the trial you pay per action/);
    await screenshot(page, 'r01-hire-confirmation');
    const [hired] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/cp/subscriptions'),
      dialog.getByRole('button', { name: 'Hire and start configuring' }).click(),
    ]);
    assert.ok(hired.ok(), `hired (HTTP ${hired.status()})`);
    await page.waitForURL(/[?&]tab=configure/);
    hiredInstanceId = new URL(page.url()).searchParams.get('agent');
    assert.ok(hiredInstanceId, 'the hired agent is opened in the hub');
    const answer = await hired.json();
    assert.equal(answer.agent_type_id, AGENT_TYPE);
  });

  journeyStep(
    'is refused a run before finalizing, reads why in words, and finalizes from the refusal',
    'r-run-refused',
    async () => {
      goalInstanceId = await configureWithoutFinalizing(hiredInstanceId);
      await page.goto(`${CP_URL}/?agent=${hiredInstanceId}&tab=goals`);
      await page.getByRole('heading', { name: NICKNAME, level: 2 }).waitFor();
      await expectTitle(page, new RegExp(`Goal Setting · ${NICKNAME}`));

      const [refused] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST' && /\/run$/.test(new URL(response.url()).pathname)),
        goalCard().getByRole('button', { name: 'Run now' }).click(),
      ]);
      assert.equal(refused.status(), 409, 'the run is refused');
      const alert = goalCard().getByRole('alert');
      await alert.getByText('Not started: This agent is not finalized yet, so its trial has not started.').waitFor();
      await alert.getByText('Finalize this agent to start its trial.').waitFor();
      assert.equal(await goalCard().getByText(/Run (started|requested)/).count(), 0, 'nothing claims the run started');
      assert.doesNotMatch(await alert.innerText(), /not_finalized|Conflict|409/, 'no codes or HTTP words');
      await screenshot(page, 'r02-run-refused-before-finalize');

      await alert.getByRole('button', { name: 'Finalize this agent' }).click();
      await goalCard().getByText('Finalized: the trial has started. Run the goal again when you are ready.').waitFor();
      await screenshot(page, 'r03-finalized-from-the-refusal');
    },
  );

  journeyStep('runs the goal once finalized and finds its drafts', 'r-run', async () => {
    const [ran] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && /\/run$/.test(new URL(response.url()).pathname)),
      goalCard().getByRole('button', { name: 'Run now' }).click(),
    ]);
    assert.equal(ran.status(), 202, `the run was accepted (HTTP ${ran.status()})`);
    runId = (await ran.json()).run_id;
    await goalCard()
      .getByText('Run finished. Its drafts are waiting for you under Review.')
      .waitFor({ timeout: PIPELINE_TIMEOUT_MS });

    await tab('Review').click();
    const drafts = tabPanel().locator(`[data-deliverable-id][data-run-id="${runId}"]`);
    const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
    while ((await drafts.count()) < 1) {
      assert.ok(Date.now() < deadline, `the run produced no drafts within ${PIPELINE_TIMEOUT_MS} ms`);
      await page.waitForTimeout(2_000);
      await tabPanel().getByRole('button', { name: 'Refresh', exact: true }).click();
    }
    scheduledDraftId = await drafts.nth(0).getAttribute('data-deliverable-id');
    await screenshot(page, 'r04-review-drafts');
  });

  journeyStep('approves a draft for a time it chooses, and sees it scheduled on the calendar', 'r-approve-for-slot', async () => {
    const card = tabPanel().locator(`[data-deliverable-id="${scheduledDraftId}"]`);
    await card.getByRole('button', { name: 'Review' }).click();
    const panel = tabPanel().getByRole('complementary');
    // The next whole minute at least 45 s ahead (the picker has minutes, the queue checks every 5 s):
    // time to type and approve before it, and the journey waits for it to pass.
    const slot = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
    slotLocal = new Date(slot.getTime() + ZONE_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
    await panel.getByLabel('Or approve for a time you choose (Asia/Kolkata time)').fill(slotLocal);
    const [reviewed] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && /\/review$/.test(new URL(response.url()).pathname)),
      panel.getByRole('button', { name: 'Approve for this time' }).click(),
    ]);
    assert.ok(reviewed.ok(), `approved (HTTP ${reviewed.status()})`);
    assert.equal(Date.parse(JSON.parse(reviewed.request().postData()).scheduled_for), slot.getTime(), 'the slot is the time typed, on the agent’s clock');
    await panel.getByRole('status').filter({ hasText: /^Approved for .*: it goes out by itself then\./ }).waitFor();
    await card.getByText('Scheduled', { exact: true }).waitFor();
    assert.equal(await card.getByRole('button', { name: /^(Publish|Execute|Place order)/ }).count(), 0, 'nothing to click: it goes out by itself');

    await tabPanel().getByRole('button', { name: 'Calendar', exact: true }).click();
    const entry = tabPanel().locator(`.schedule-entry[data-deliverable-id="${scheduledDraftId}"]`);
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(`${slotLocal.slice(11, 16)}[\\s\\S]*Scheduled[\\s\\S]*LinkedIn`));
    await screenshot(page, 'r05-scheduled-on-the-calendar');
  });

  journeyStep(
    'sees it go out by itself at that time, as a dry run saying what would have been sent',
    'r-published-at-slot',
    async () => {
      const entry = tabPanel().locator(`.schedule-entry[data-deliverable-id="${scheduledDraftId}"]`);
      const deadline = Date.parse(`${slotLocal}:00+05:30`) + PIPELINE_TIMEOUT_MS;
      while (/Scheduled/.test(await entry.innerText())) {
        assert.ok(Date.now() < deadline, `still scheduled ${PIPELINE_TIMEOUT_MS} ms after its slot`);
        await page.waitForTimeout(5_000);
        await tabPanel().getByRole('button', { name: 'Refresh', exact: true }).click();
        await entry.waitFor();
      }
      assert.doesNotMatch(await entry.innerText(), /Not sent/, await entry.getAttribute('aria-label'));
      assert.ok(Date.now() >= Date.parse(`${slotLocal}:00+05:30`), 'it did not go out before its slot');
      // The embedded default's connectors send nothing: the calendar must say dry run, never published.
      assert.match(await entry.innerText(), /Dry run/);
      assert.match(await entry.getAttribute('aria-label'), /Dry run — nothing was sent: LinkedIn · /);

      const panel = tabPanel().getByRole('complementary');
      await panel.getByText('Dry run — nothing was sent.').waitFor();
      await panel.getByText('Would have posted on LinkedIn:').waitFor();
      const text = await panel.locator('blockquote.outcome-summary').innerText();
      assert.ok(text.length > 0, 'the post that would have gone out is shown');
      assert.doesNotMatch(await panel.locator('.last-execution').innerText(), /\{"|correlation|scheduled-/i, 'no raw JSON or ids unless expanded');
      await screenshot(page, 'r06-dry-run-at-its-slot');

      await tabPanel().getByRole('button', { name: 'Month', exact: true }).click();
      await tabPanel().locator(`.schedule-month .schedule-entry[data-deliverable-id="${scheduledDraftId}"]`).waitFor();
      await screenshot(page, 'r07-month-calendar');
    },
    { timeout: 360_000 },
  );

  journeyStep(
    'an expired session sends the customer to sign in with a notice, and an unknown address shows a not-found page',
    'r-session-expired',
    async () => {
      await page.evaluate(() => {
        const raw = window.sessionStorage.getItem('myagents.cp.session');
        const session = JSON.parse(raw);
        window.sessionStorage.setItem('myagents.cp.session', JSON.stringify({ ...session, expires_at: Date.now() - 1_000 }));
      });
      await page.reload();
      await page.getByText(/^Your session expired\. Please sign in again/).waitFor();
      await page.getByRole('heading', { name: 'Sign in to My Agents' }).waitFor();
      await screenshot(page, 'r08-session-expired');

      await page.goto(`${CP_URL}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await expectTitle(page, /Page not found/);
    },
    { laterStepsNeedIt: false },
  );
});
