import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf } from '../../test/cpFixtures';
import { goal, marketingDefinition } from '../../test/definitions';
import { json, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { Deliverable } from '../cpApi';

const approved: Deliverable = {
  deliverable_id: 'del-1',
  kind: 'social_post',
  title: 'Flu season reminder',
  state: 'approved',
  payload: { platform: 'linkedin', text: 'Get your flu shot this week.' },
  proposed_actions: ['publish'],
  approval: {
    approval_id: 'appr-1',
    verdict: 'approved',
    decided_at: '2030-01-01T10:00:00Z',
    expires_at: '2030-01-04T10:00:00Z',
  },
};

describe('Review detail: the approval lifetime', () => {
  it('shows how long the approval is valid and until when, in the agent\'s timezone', async () => {
    signedInCustomer();
    stubBackend({
      'GET /api/cp/my-agents/summary': json(200, summaryOf(instance({ timezone: 'Asia/Kolkata', approval_ttl_hours: 72 }))),
      'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
      'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [goal()] }),
      'GET /api/cp/hired-agents/hired-1/deliverables': json(200, { deliverables: [approved] }),
    });
    renderApp(cpRoutes, '/?agent=hired-1&tab=review');
    const item = (await screen.findByRole('heading', { name: 'Flu season reminder' })).closest('li')!;

    await userEvent.click(within(item).getByRole('button', { name: 'Details' }));

    const panel = screen.getByRole('complementary', { name: 'Flu season reminder' });
    expect(panel).toHaveTextContent('Approval valid for 72 hours — until Fri, 4 Jan 2030, 15:30 (Asia/Kolkata)');
  });
});
