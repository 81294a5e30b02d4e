// One headless Debian Chromium per test file, driven by playwright-core (which never downloads
// a browser). Flags: the ones Chromium needs as root in a container without a sandbox or GPU.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, SCREENSHOT_DIR } from './config.mjs';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser() {
  // playwright starts Chromium headless with a fresh, temporary --user-data-dir of its own
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** A full-page PNG in e2e/target/screenshots/, kept as a test artifact. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs one step of a scenario; when it fails, the page as it was goes into the screenshots
 * (FAILED-<name>.png) before the failure is reported.
 */
export async function step(page, name, body) {
  try {
    return await body();
  } catch (failure) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw failure;
  }
}

/** Waits until the page's title matches: an app sets it after it renders, not at navigation. */
export async function expectTitle(page, pattern, timeout = 10_000) {
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.title), pattern.source, { timeout });
  } catch (failure) {
    throw new Error(`the title stayed "${await page.title()}", not matching ${pattern}`, { cause: failure });
  }
}
