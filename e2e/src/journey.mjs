// A journey: steps that build on each other in one browser page, shared by the test files.
import { after, before, it } from 'node:test';
import { launchBrowser, newPage, step } from './browser.mjs';

/**
 * Opens one browser page for the enclosing describe block (closed after its tests) and returns
 * `journeyStep(name, shortName, body, { laterStepsNeedIt, timeout })`: each step is a test that
 * runs `body(page)` and leaves a FAILED-<shortName> screenshot when it fails. Each step needs the
 * ones before it, so after a failure the rest are skipped, not failed again (unless the failed step
 * is marked `laterStepsNeedIt: false`: it leaves nothing behind that later ones need).
 * `onPage(page)` prepares the page once it is open; with E2E_DEBUG its console and API answers are logged.
 */
export function journeySteps({ timeout, onPage = () => undefined }) {
  const journey = { browser: undefined, page: undefined };
  before(async () => {
    journey.browser = await launchBrowser();
    journey.page = await newPage(journey.browser);
    await onPage(journey.page);
    if (process.env.E2E_DEBUG) {
      journey.page.on('console', (message) => console.log('console', message.type(), message.text()));
      journey.page.on('response', (response) => response.url().includes('/api/') && console.log('<<', response.status(), response.request().method(), response.url()));
    }
  });

  after(async () => {
    await journey.browser?.close();
  });

  let failedStep = null;
  return (name, shortName, body, { laterStepsNeedIt = true, timeout: stepTimeout = timeout } = {}) => {
    it(name, { timeout: stepTimeout }, async (t) => {
      if (failedStep) {
        t.skip(`needs "${failedStep}", which failed`);
        return;
      }
      try {
        await step(journey.page, shortName, () => body(journey.page));
      } catch (failure) {
        if (laterStepsNeedIt) {
          failedStep = name;
        }
        throw failure;
      }
    });
  };
}
