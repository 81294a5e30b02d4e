// Where the system under test is and who signs in: environment first, the embedded default after.
import { fileURLToPath } from 'node:url';

const trimmed = (url) => url.replace(/\/+$/, '');

export const CP_URL = trimmed(process.env.CP_URL ?? 'http://localhost:8080');
export const PP_URL = trimmed(process.env.PP_URL ?? 'http://localhost:8081');

export const CUSTOMER = {
  email: process.env.CP_EMAIL ?? 'demo@myagents.local',
  password: process.env.CP_PASSWORD ?? 'demo-password',
  marketingAgent: process.env.CP_MARKETING_AGENT ?? 'Clinic Marketing',
  tradingAgent: process.env.CP_TRADING_AGENT ?? 'Delta Futures Desk',
};

// The lifecycle journeys subscribe and cancel, so they need customers of their own (never the demo
// customer other tests share), each with a configured marketing agent on its trial: the launcher's
// BrowserJourneysTest creates them and names them here. Without them those journeys are skipped.
export const LIFECYCLE = {
  subscriberEmail: process.env.E2E_LIFECYCLE_EMAIL,
  cancellingEmail: process.env.E2E_CANCEL_EMAIL,
  password: process.env.E2E_LIFECYCLE_PASSWORD ?? 'demo-password',
  agent: process.env.E2E_LIFECYCLE_AGENT ?? 'Flow',
};

/**
 * The marketing journeys' customer of its own (BrowserJourneysTest creates it, with a marketing agent
 * on Instagram and YouTube whose first run has drafted), so they never touch the shared demo drafts.
 */
export const MARKETING_CUSTOMER = {
  email: process.env.E2E_MARKETING_CUSTOMER_EMAIL,
  password: process.env.E2E_MARKETING_CUSTOMER_PASSWORD ?? 'demo-password',
  agent: process.env.E2E_MARKETING_AGENT ?? 'Reach',
};

/**
 * A customer of the review journeys' own (review.test.mjs): new, no agents, so its hire, trial and
 * drafts are the journey's alone. The launcher's BrowserJourneysTest makes one; without it the
 * journey is skipped (there is no sign-up to make one from the browser).
 */
export const REVIEW_CUSTOMER = {
  email: process.env.E2E_REVIEW_CUSTOMER_EMAIL,
  password: process.env.E2E_REVIEW_CUSTOMER_PASSWORD ?? 'demo-password',
};

export const OPERATOR = {
  email: process.env.PP_EMAIL ?? 'ops@myagents.local',
  password: process.env.PP_PASSWORD ?? 'ops-password',
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../target/screenshots/', import.meta.url));

/** How long to wait for asynchronous work of the pipeline (goal runs, connector results). */
export const PIPELINE_TIMEOUT_MS = Number(process.env.E2E_PIPELINE_TIMEOUT_MS ?? 90_000);
