// Why something did not happen, in the customer's words, with what they can do next. Every code
// of the contracts' ReasonCode (enforcement's decisions) has an entry — reasons.test.ts reads the
// Java enum and fails on a code without one — plus the codes Plant gives when it refuses or skips
// a goal run.

/** What the screen can offer as the next step; the screen decides how (a button, a link). */
export type NextStep =
  | 'finalize'
  | 'configure'
  | 'subscribe'
  | 'review_again'
  | 'edit_draft'
  | 'enable_goal'
  | 'change_budget'
  | 'wait_tomorrow'
  | 'retry'
  | 'contact_support'
  | 'none';

export interface ReasonText {
  /** What happened, as a sentence. */
  text: string;
  /** What to do about it, as a sentence (empty when nothing is needed). */
  next: string;
  step: NextStep;
}

/** Enforcement's reasons (contracts ReasonCode), keyed by their wire code. */
export const ENFORCEMENT_REASONS: Record<string, ReasonText> = {
  allowed: { text: 'It was allowed.', next: '', step: 'none' },
  malformed_request: {
    text: 'The request was incomplete, so nothing was done.',
    next: 'Reload the page and try again; if it happens again, contact support.',
    step: 'contact_support',
  },
  unknown_action: {
    text: 'This agent is not allowed to do that kind of action.',
    next: 'Contact support if you think the agent should be able to.',
    step: 'contact_support',
  },
  approval_missing: {
    text: 'This draft has not been approved yet.',
    next: 'Review and approve it first.',
    step: 'review_again',
  },
  approval_not_found: {
    text: 'The approval for this draft could not be found.',
    next: 'Review the draft again.',
    step: 'review_again',
  },
  approval_mismatch: {
    text: 'The approval belongs to a different draft.',
    next: 'Review this draft again.',
    step: 'review_again',
  },
  approval_rejected: {
    text: 'This draft was rejected, so it cannot be published.',
    next: 'Edit it and review it again if you want it sent.',
    step: 'edit_draft',
  },
  approval_expired: {
    text: 'The approval has expired.',
    next: 'Review the draft again to approve it for now.',
    step: 'review_again',
  },
  payload_changed: {
    text: 'The draft changed after it was approved.',
    next: 'Review the new version and approve it again.',
    step: 'review_again',
  },
  already_executed: {
    text: 'This draft was already carried out once; it is never sent twice.',
    next: '',
    step: 'none',
  },
  action_not_proposed: {
    text: 'That action is not one this draft proposed.',
    next: 'Choose one of the actions shown on the draft.',
    step: 'none',
  },
  subscription_unknown: {
    text: 'We could not find a subscription for this agent.',
    next: 'Contact support.',
    step: 'contact_support',
  },
  subscription_inactive: {
    text: 'The subscription of this agent is not active.',
    next: 'A cancelled subscription runs nothing more; an agent hired without a free trial works once you subscribe.',
    step: 'subscribe',
  },
  trial_ended: {
    text: 'The free trial has ended.',
    next: 'Subscribe to keep the agent working.',
    step: 'subscribe',
  },
  trial_cap_exceeded: {
    text: "Today's trial allowance is used up.",
    next: 'It renews tomorrow, or subscribe to lift the trial limits.',
    step: 'wait_tomorrow',
  },
  trial_action_not_allowed: {
    text: 'During the trial this action can only be tried as a dry run.',
    next: 'Subscribe to do it for real.',
    step: 'subscribe',
  },
  budget_exceeded: {
    text: "This would go over the agent's monthly budget.",
    next: 'Raise the budget, or wait for next month.',
    step: 'change_budget',
  },
  risk_check_failed: {
    text: "The order failed the agent's risk checks, so it was not placed.",
    next: "Change the goal's settings to stay within your limits, then run it again.",
    step: 'none',
  },
  signature_invalid: {
    text: 'The request could not be verified, so nothing was done.',
    next: 'Try again; if it happens again, contact support.',
    step: 'contact_support',
  },
};

/** Why Plant refused or skipped a goal run (POST …/run 409, last_run.status "skipped"). */
export const RUN_REASONS: Record<string, ReasonText> = {
  not_finalized: {
    text: 'This agent is not finalized yet, so its trial has not started.',
    next: 'Finalize this agent to start its trial.',
    step: 'finalize',
  },
  not_configured: {
    text: 'This agent is not configured yet.',
    next: 'Finish its settings under Configure.',
    step: 'configure',
  },
  trial_ended: ENFORCEMENT_REASONS.trial_ended,
  subscription_inactive: ENFORCEMENT_REASONS.subscription_inactive,
  goal_disabled: {
    text: 'This goal is switched off.',
    next: 'Enable it to let it run.',
    step: 'enable_goal',
  },
  not_eligible: {
    text: 'You already had a free trial of this agent.',
    next: 'Subscribe to let it run.',
    step: 'subscribe',
  },
  trial_already_used: {
    text: 'The free trial of this agent already ran on another of your agents.',
    next: 'Subscribe to a paid plan to start this one.',
    step: 'subscribe',
  },
  platform_not_enabled: {
    text: "This goal posts to a platform the agent doesn't have enabled.",
    next: 'Enable the platform under Configure, or change the goal.',
    step: 'configure',
  },
  settings_invalid: {
    text: "This goal's settings could not make a run.",
    next: 'Open the goal and check its settings.',
    step: 'none',
  },
  already_drafted: {
    text: 'This goal already has drafts for this period.',
    next: 'Review them under Review.',
    step: 'none',
  },
};

const UNKNOWN: ReasonText = {
  text: 'It could not be done.',
  next: 'Try again later; if it keeps happening, contact support.',
  step: 'contact_support',
};

/** The customer's sentence for a reason code from enforcement or from a refused/skipped run. */
export function reasonText(code: string | null | undefined): ReasonText {
  if (!code) {
    return UNKNOWN;
  }
  return RUN_REASONS[code] ?? ENFORCEMENT_REASONS[code] ?? UNKNOWN;
}

/** Both sentences together: "The free trial has ended. Subscribe to keep the agent working." */
export function reasonSentence(code: string | null | undefined): string {
  const reason = reasonText(code);
  return reason.next ? `${reason.text} ${reason.next}` : reason.text;
}

// Problem titles as servers send them ("Conflict", "Bad Request") → what the customer reads.
const TITLE_BY_STATUS: Record<number, string> = {
  0: 'We could not reach the server.',
  400: 'Some details need fixing.',
  401: 'Your session has ended. Please sign in again.',
  403: "That isn't allowed.",
  404: 'We could not find that. It may have been removed.',
  409: "That can't be done right now.",
  413: 'That is too large to send.',
  422: 'Some details need fixing.',
  429: 'Too many requests at once. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'A service we depend on did not answer. Please try again.',
  503: 'The service is busy. Please try again in a moment.',
  504: 'A service we depend on took too long. Please try again.',
};

// The HTTP reason phrases servers use as titles; a title written for people is kept as it is.
const GENERIC_TITLES = new Set([
  'bad request', 'unauthorized', 'forbidden', 'not found', 'conflict', 'unprocessable entity', 'unprocessable content',
  'payload too large', 'content too large', 'too many requests', 'internal server error', 'bad gateway',
  'service unavailable', 'gateway timeout', 'request failed', 'method not allowed',
]);

/** A problem's title for people: a code's sentence, else the server's own words, else one by status. */
export function problemHeadline(problem: { status: number; title: string; reason?: string }): string {
  if (problem.reason && (RUN_REASONS[problem.reason] || ENFORCEMENT_REASONS[problem.reason])) {
    return reasonText(problem.reason).text;
  }
  const generic = !problem.title || GENERIC_TITLES.has(problem.title.toLowerCase()) || /^HTTP \d+$/.test(problem.title);
  if (!generic) {
    return problem.title;
  }
  return TITLE_BY_STATUS[problem.status] ?? (problem.status >= 500 ? TITLE_BY_STATUS[500] : 'That could not be done.');
}
