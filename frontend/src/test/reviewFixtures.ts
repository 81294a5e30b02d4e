import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cpRoutes } from '../cp/CpApp';
import type { Deliverable } from '../cp/cpApi';
import { hubRoutes } from './cpBackend';
import { signedInCustomer } from './cpFixtures';
import { goal, socialPost } from './definitions';
import { json, stubBackend } from './http';
import type { Handler, RecordedCall } from './http';
import { renderApp } from './render';

// The Review tab of hired-1 (the marketing agent, with one goal), as the review tests open it.

/** An approval that is still valid for years: what a draft ready to execute carries. */
export function validApproval(approvalId: string): NonNullable<Deliverable['approval']> {
  return { approval_id: approvalId, verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' };
}

/** An approved LinkedIn post, ready to be published; overrides make it another. */
export function approvedPost(overrides: Partial<Deliverable> = {}): Deliverable {
  const linkedIn = { platform: 'linkedin', text: 'Get your flu shot this week.' };
  return socialPost({ title: 'Flu season reminder', state: 'approved', payload: linkedIn, approval: validApproval('appr-1'), ...overrides });
}

/**
 * Signs the customer in and opens the Review tab over these drafts (or a handler answering the
 * list itself); `extra` adds or replaces routes. Returns the calls the backend saw.
 */
export function openReviewTab(deliverables: Deliverable[] | Handler, extra: Record<string, Handler> = {}): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    ...hubRoutes(),
    'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [goal()] }),
    'GET /api/cp/hired-agents/hired-1/deliverables': Array.isArray(deliverables) ? json(200, { deliverables }) : deliverables,
    ...extra,
  });
  renderApp(cpRoutes, '/?agent=hired-1&tab=review');
  return calls;
}

/** The list item of the draft with this title, once the list shows it. */
export async function draftItem(title: string | RegExp): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('li')!;
}

/** Opens the draft's side panel with its button (by default Review or Details) and returns it. */
export async function draftPanel(title: string, button: string | RegExp = /^(Review|Details)$/): Promise<HTMLElement> {
  await userEvent.click(within(await draftItem(title)).getByRole('button', { name: button }));
  return screen.getByRole('complementary', { name: title });
}

/** The POSTs the backend saw to one path. */
export const postsTo = (calls: RecordedCall[], path: string) =>
  calls.filter((call) => call.method === 'POST' && call.path === path);
