import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { ppRoutes } from '../PpApp';
import type { CorrelationTimeline } from '../ppApi';
import { approvalMissing, signedInAs } from '../test/ppFixtures';

const CORRELATION = 'corr-deny-0042';

/** A denied execution as Plant records it: the access record, the request, the decision, the denial. */
const deniedExecution: CorrelationTimeline = {
  correlation_id: CORRELATION,
  outcome: 'denied',
  deliverable_id: 'del-1',
  subscription_id: 'sub-1',
  customer_id: 'cust-1',
  timeline: [
    {
      at: '2025-01-10T08:00:00.000Z',
      stage: 'http_access',
      source: 'gateway',
      summary: 'POST /api/v1/deliverables/del-1/execute → 403',
      details: { method: 'POST', path: '/api/v1/deliverables/del-1/execute', status: 403, principal_kind: 'CUSTOMER' },
    },
    {
      at: '2025-01-10T08:00:00.010Z',
      stage: 'execution_request',
      source: 'ingest-api',
      summary: 'publish requested for deliverable del-1 without an approval_id',
      details: { correlation_id: CORRELATION, deliverable_id: 'del-1', action: 'publish', approval_id: null },
    },
    {
      at: '2025-01-10T08:00:00.050Z',
      stage: 'decision',
      source: 'enforcement-streams',
      summary: 'deny (approval_missing) by policy p1-2025.01',
      details: {
        outcome: 'deny',
        reason: 'approval_missing',
        detail: 'no approval_id given',
        checks: [
          { check: 'subscription_active', passed: true, detail: 'active' },
          { check: 'approval_present', passed: false, detail: 'no approval_id' },
        ],
        inputs: { approval_id: 'none', subscription_status: 'active' },
        policy_version: 'p1-2025.01',
      },
    },
    {
      // Recorded at the same instant as the decision: the pipeline's order puts it after.
      at: '2025-01-10T08:00:00.050Z',
      stage: 'denial',
      source: 'enforcement-streams',
      summary: 'denied: approval_missing — no approval_id given',
      details: {
        ...approvalMissing,
        policy_version: 'p1-2025.01',
        customer_id: 'cust-1',
      },
    },
  ],
};

describe('Correlation drill-down', () => {
  it('renders the timeline steps in order with the denial reason and the checks that decided it', async () => {
    signedInAs('auditor');
    // Given the backend answers the steps out of order
    const [access, request, decision, denial] = deniedExecution.timeline;
    stubBackend({
      [`GET /api/pp/ops/correlations/${CORRELATION}`]: json(200, {
        ...deniedExecution,
        timeline: [denial, request, decision, access],
      }),
    });

    // When an auditor opens the drill-down
    renderApp(ppRoutes, `/ops/correlations/${CORRELATION}`);

    // Then the steps show in the order the request passed them
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps.map((step) => within(step).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '1. HTTP access',
      '2. Execution request',
      '3. Decision',
      '4. Denial',
    ]);
    // with the outcome and its reason code up front
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('denied reason approval_missing');
    // the decision's checks with pass / fail, and its inputs
    const checks = within(steps[2]).getByRole('table', { name: 'Checks' });
    expect(within(checks).getByRole('row', { name: /subscription_active/ })).toHaveTextContent('Pass');
    expect(within(checks).getByRole('row', { name: /approval_present/ })).toHaveTextContent('Fail');
    expect(steps[2]).toHaveTextContent('approval_idnone');
    // and the denial's reason code
    expect(within(steps[3]).getByText('Reason code').nextElementSibling).toHaveTextContent('approval_missing');
    expect(steps[3]).toHaveTextContent('no approval_id given');
    expect(steps[0]).toHaveTextContent('POST /api/v1/deliverables/del-1/execute → 403');
  });

  it('says when nothing was recorded under a correlation id', async () => {
    signedInAs('support');
    stubBackend({
      'GET /api/pp/ops/correlations/corr-unknown-1': problem(404, { title: 'Not Found', detail: 'correlation corr-unknown-1 not found' }),
    });
    renderApp(ppRoutes, '/ops/correlations/corr-unknown-1');

    expect(await screen.findByRole('alert')).toHaveTextContent('correlation corr-unknown-1 not found');
  });

  it('opens the drill-down of a typed correlation id', async () => {
    signedInAs('auditor');
    stubBackend({ [`GET /api/pp/ops/correlations/${CORRELATION}`]: json(200, deniedExecution) });
    const { router } = renderApp(ppRoutes, '/ops/correlations');

    await userEvent.type(await screen.findByLabelText('Correlation id'), `  ${CORRELATION} `);
    await userEvent.click(screen.getByRole('button', { name: 'Show timeline' }));

    expect(await screen.findByRole('list', { name: 'Timeline' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/ops/correlations/${CORRELATION}`);
  });
});
