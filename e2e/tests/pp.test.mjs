// The operator's side in a real browser against a running system (PP_URL): sign in, publish a
// new version of an agent type past the guardrails, and find a customer's denial by its
// correlation id down to the check that failed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, newPage, screenshot, step, expectTitle } from '../src/browser.mjs';
import { CP_URL, CUSTOMER, OPERATOR, PP_URL } from '../src/config.mjs';

const STEP = { timeout: 120_000 };
const SAMPLE_DRAFT = '00000000-0000-0000-0000-00000000d001';

/** A denial made the way a customer makes one: executing a draft nobody approved. */
async function customerDenialCorrelationId() {
  const login = await fetch(`${CP_URL}/api/cp/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: CUSTOMER.email, password: CUSTOMER.password }),
  });
  const { access_token: token } = await login.json();
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const answer = await fetch(`${CP_URL}/api/cp/deliverables/${SAMPLE_DRAFT}/execute`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    const body = await answer.json();
    if (answer.status === 403) {
      return body.correlation_id;
    }
    // 202 pending: the decision is late; ask again under a new correlation id
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('no denial for the unapproved sample draft');
}

describe('PP: an operator authors and audits', () => {
  let browser;
  let page;
  const nav = () => page.getByRole('navigation', { name: 'Operations' });

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in as an operator and sees what the admin role allows', STEP, () =>
    step(page, 'pp-login', async () => {
      await page.goto(`${PP_URL}/`);
      await page.getByLabel('Email').fill(OPERATOR.email);
      await page.getByLabel('Password').fill(OPERATOR.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
      assert.match(await page.getByRole('list', { name: 'Your roles' }).innerText(), /admin/);
      await screenshot(page, '10-pp-home');
    }));

  it('publishes a new version of the marketing agent type past the guardrails', STEP, () =>
    step(page, 'pp-publish', async () => {
      await nav().getByRole('link', { name: 'Agent Management' }).click();
      await page.getByRole('link', { name: 'Digital Marketing Agent (Healthcare)' }).click();
      await page.getByRole('table', { name: /^Versions of / }).waitFor();
      const draft = page.getByRole('link', { name: /^Continue draft / });
      if (await draft.count()) {
        await draft.first().click();
      } else {
        await page.getByRole('button', { name: 'New draft version' }).click();
      }
      const heading = page.getByRole('heading', { name: /^Edit draft / });
      await heading.waitFor();
      const version = (await heading.innerText()).replace('Edit draft ', '').trim();
      await page.getByText('Passes every guardrail.').waitFor();
      await page.getByLabel('Description').fill(`Drafts multichannel posts; published by the browser suite (${version}).`);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Draft saved.').waitFor();
      await page.getByText('Passes every guardrail.').waitFor();
      await screenshot(page, '11-pp-draft-valid');
      await page.getByRole('button', { name: `Publish ${version}` }).click();
      await page.getByText(`Version ${version} is published.`).waitFor();
      await page.getByRole('link', { name: `Version ${version} (published)` }).waitFor();
      await screenshot(page, '12-pp-published');
    }));

  it('reloads a deep link to an agent type version and gets the app, not raw JSON', STEP, () =>
    step(page, 'pp-deep-link', async () => {
      await page.goto(`${PP_URL}/agent-types/marketing.healthcare.v1/versions/1.0.0`);
      await page.getByRole('heading', { name: /1\.0\.0/ }).first().waitFor();
      await page.reload();
      await page.getByRole('heading', { name: /1\.0\.0/ }).first().waitFor();
      assert.doesNotMatch(await page.content(), /no such endpoint/);
      await expectTitle(page, /Agent type version/);
      await screenshot(page, '11a-pp-deep-link-reloaded');
    }));

  it("finds a customer's denial by correlation id and sees the check that failed", STEP, () =>
    step(page, 'pp-denial', async () => {
      const correlationId = await customerDenialCorrelationId();
      await nav().getByRole('link', { name: 'Denials' }).click();
      await page.getByLabel('Correlation id').fill(correlationId);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const denials = page.getByRole('table', { name: 'Denials' });
      await denials.getByText('approval_missing').first().waitFor({ timeout: 30_000 });
      await denials.getByRole('link', { name: `Correlation ${correlationId}` }).click();
      await page.getByRole('link', { name: '← Back to Denials' }).waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline.waitFor();
      const steps = await timeline.getByRole('heading', { level: 3 }).allInnerTexts();
      assert.deepEqual(steps.slice(0, 4), ['1. HTTP access', '2. Execution request', '3. Decision', '4. Denial']);
      assert.match(await page.getByRole('region', { name: 'Outcome' }).innerText(), /approval_missing/);
      await screenshot(page, '13-pp-correlation-timeline');
    }));
});
