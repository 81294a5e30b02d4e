// the marketing agent's reach, in a real browser (CP_URL): a customer of its own
// (E2E_MARKETING_CUSTOMER_EMAIL, set up by BrowserJourneysTest with a marketing agent on Instagram
// and YouTube whose first run has drafted) publishes a YouTube post by hand — copies the text,
// marks it posted, and reads "Published by hand" — and attaches an image to its Instagram post
// with the media picker, uploading it into the media library on the way; then has that post written
// again, and reads the old one as superseded when the new draft arrives.
// The steps run in order; each leaves a screenshot in target/screenshots (marketing-*.png).
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { deflateSync } from 'node:zlib';
import { screenshot } from '../src/browser.mjs';
import { journeySteps } from '../src/journey.mjs';
import { CP_URL, MARKETING_CUSTOMER, PIPELINE_TIMEOUT_MS } from '../src/config.mjs';

const STEP = { timeout: 120_000 };

/** A small solid-colour PNG (teal with a white band), so the picked image is visible in the screenshots. */
function samplePng(width = 240, height = 140) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const band = y > height * 0.4 && y < height * 0.6;
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(band ? [255, 255, 255] : [0, 128, 128], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('CP: the marketing agent reaches every platform', { skip: !MARKETING_CUSTOMER.email && 'E2E_MARKETING_CUSTOMER_EMAIL is not set' }, () => {
  let page;

  const steps = journeySteps({
    timeout: STEP.timeout,
    onPage: async (opened) => {
      page = opened;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CP_URL });
    },
  });
  const journeyStep = (name, shortName, body) => steps(name, `marketing-${shortName}`, body);

  const tabPanel = () => page.getByRole('tabpanel');
  const card = (platform) =>
    tabPanel()
      .locator('li[data-deliverable-id]')
      .filter({ has: page.getByRole('heading', { name: new RegExp(platform) }) })
      .first();
  const detail = () => tabPanel().getByRole('complementary');

  async function openDetail(platform) {
    await card(platform).getByRole('button', { name: /^(Review|Details)$/ }).click();
    await detail().getByRole('heading', { name: new RegExp(platform) }).waitFor();
  }

  async function approveOpenDraft() {
    await detail().getByRole('button', { name: 'Approve', exact: true }).click();
    await detail().getByRole('status').filter({ hasText: /^Approved\./ }).waitFor();
  }

  journeyStep('signs in as a customer of its own and finds the first run’s drafts in Review', 'drafts', async () => {
    await page.goto(`${CP_URL}/`);
    await page.getByLabel('Email').fill(MARKETING_CUSTOMER.email);
    await page.getByLabel('Password').fill(MARKETING_CUSTOMER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: MARKETING_CUSTOMER.agent, level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Review' }).click();

    const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
    while ((await card('Instagram').count()) === 0 || (await card('YouTube').count()) === 0) {
      assert.ok(Date.now() < deadline, `no Instagram and YouTube drafts within ${PIPELINE_TIMEOUT_MS} ms`);
      await page.waitForTimeout(2_000);
      await tabPanel().getByRole('button', { name: 'Refresh' }).click();
    }
    // The Instagram post has no image yet: its preview says so
    await card('Instagram').getByText('Instagram needs an image — none attached').waitFor();
    await screenshot(page, 'marketing-01-drafts');
  });

  journeyStep('publishes the YouTube post by hand: copies the text, marks it posted, reads it in words', 'manual', async () => {
    await openDetail('YouTube');
    await approveOpenDraft();
    const youtube = card('YouTube');
    const handOver = youtube.getByRole('region', { name: 'Publish on YouTube by hand' });
    await handOver.waitFor();
    const text = (await youtube.locator('.post-text').first().innerText()).trim();

    await handOver.getByRole('button', { name: 'Copy text' }).click();
    await handOver.getByRole('button', { name: 'Text copied' }).waitFor();
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), text);
    assert.equal(await handOver.getByRole('link', { name: 'Open YouTube' }).getAttribute('href'), 'https://www.youtube.com/');
    await handOver.getByLabel('Post URL (optional)').fill('https://www.youtube.com/post/e2e-reach');
    await screenshot(page, 'marketing-02-hand-over');
    await handOver.getByRole('button', { name: 'Mark as posted' }).click();

    await youtube.getByText('Published by hand').first().waitFor({ timeout: PIPELINE_TIMEOUT_MS });
    await youtube.getByRole('link', { name: 'https://www.youtube.com/post/e2e-reach' }).first().waitFor();
    await screenshot(page, 'marketing-03-published-by-hand');
  });

  journeyStep('attaches an image to the Instagram post with the media picker, uploading it first', 'media-picker', async () => {
    await openDetail('Instagram');
    const picker = detail().getByRole('region', { name: 'Image' });
    await picker.getByText('Instagram needs an image with every post').waitFor();
    await picker.getByRole('button', { name: 'Choose an image' }).click();
    const library = picker.getByRole('group', { name: 'Your media library' });
    await library.waitFor();
    await screenshot(page, 'marketing-04-media-library');

    await library
      .getByLabel('Upload a new image (JPEG or PNG, up to 8 MB)')
      .setInputFiles({ name: 'clinic-front.png', mimeType: 'image/png', buffer: samplePng() });

    await picker.getByRole('status').filter({ hasText: 'Image attached. The draft is waiting for review again.' }).waitFor({
      timeout: 30_000,
    });
    await detail().getByRole('img', { name: 'Image attached to the Instagram post' }).waitFor();
    await card('Instagram').getByRole('img', { name: 'Image attached to the Instagram post' }).waitFor();
    assert.equal(await card('Instagram').getByText('Instagram needs an image — none attached').count(), 0);
    await screenshot(page, 'marketing-05-image-attached');

    // With its image the post can go through the Instagram connector once approved
    await approveOpenDraft();
    await card('Instagram').getByRole('button', { name: /^Publish/ }).first().waitFor();
    await screenshot(page, 'marketing-06-instagram-ready');
  });

  journeyStep('writes the Instagram post again: a new draft arrives and the old one reads superseded', 'regenerate', async () => {
    const oldId = await card('Instagram').getAttribute('data-deliverable-id');
    const oldText = (await card('Instagram').locator('.post-text').first().innerText()).trim();
    await openDetail('Instagram');
    await detail().getByRole('button', { name: 'Write this post again' }).click();
    await detail().getByRole('status').filter({ hasText: 'Writing it again.' }).waitFor();
    await screenshot(page, 'marketing-07-regenerate-asked');

    const old = tabPanel().locator(`li[data-deliverable-id="${oldId}"]`);
    const replacement = tabPanel()
      .locator(`li[data-deliverable-id]:not([data-deliverable-id="${oldId}"])`)
      .filter({ has: page.getByRole('heading', { name: /Instagram/ }) });
    const deadline = Date.now() + PIPELINE_TIMEOUT_MS;
    while ((await old.getAttribute('data-state')) !== 'superseded' || (await replacement.count()) === 0) {
      assert.ok(Date.now() < deadline, `the post was not written again within ${PIPELINE_TIMEOUT_MS} ms`);
      await page.waitForTimeout(2_000);
      await tabPanel().getByRole('button', { name: 'Refresh' }).click();
    }
    await old.getByText('Superseded — written again').waitFor();
    await replacement.first().getByText('Waiting for review', { exact: true }).waitFor();
    // it says something new, and the image the customer picked stays with it
    assert.notEqual((await replacement.first().locator('.post-text').first().innerText()).trim(), oldText);
    await replacement.first().getByRole('img', { name: 'Image attached to the Instagram post' }).waitFor();
    assert.equal(await old.getByRole('button', { name: /^Publish/ }).count(), 0);
    await screenshot(page, 'marketing-08-superseded');
  });
});
