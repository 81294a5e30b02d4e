import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, stubBackend } from '../../test/http';
import type { RecordedCall } from '../../test/http';
import { renderApp, searchParams } from '../../test/render';
import { ppRoutes } from '../PpApp';
import type { Denial, HiredAgentSummary, InstanceView } from '../ppApi';
import { approvalMissing, signedInAs } from '../test/ppFixtures';

// Who the hired agent is, the same in the search result and on its own page.
const identity = {
  hired_instance_id: 'hired-1',
  subscription_id: 'sub-1',
  customer_id: 'cust-1',
  customer_email: 'demo@myagents.local',
  agent_type_id: 'marketing.healthcare.v1',
  agent_type_version: '1.0.0',
  nickname: 'Clinic Marketing',
  configured: false,
};

const summary: HiredAgentSummary = {
  ...identity,
  subscription_status: 'active',
  trial_status: 'active',
  trial_end_at: '2025-01-17T08:00:00Z',
  goals_count: 1,
  drafts_pending_review: 2,
  created_at: '2025-01-10T08:00:00Z',
};

const instance: InstanceView = {
  hired_agent: {
    ...identity,
    config: { nickname: 'Clinic Marketing', platform_credentials: { linkedin: { credential_ref: 'cred-li-1' } } },
    config_violations: [{ pointer: '/brand_name', message: 'is required' }],
    finalized_at: null,
  },
  subscription: { subscription_id: 'sub-1', status: 'active', trial_status: 'active' },
  goals: [
    {
      goal_instance_id: 'goal-1',
      goal_template_id: 'marketing.weekly_multichannel_batch',
      frequency: 'weekly',
      enabled: true,
      settings: { posts_per_week: 3 },
    },
  ],
  runs: [],
  deliverables: [
    { deliverable_id: 'del-1', kind: 'social_post', state: 'pending_review', payload: { text: 'Flu shots this week.' } },
  ],
  approvals: [],
  executions: [],
  decisions: [],
  denials: [
    {
      denial_id: 'den-1',
      correlation_id: 'corr-deny-0042',
      action: 'publish',
      reason: 'approval_missing',
      detail: 'no approval_id given',
      denied_at: '2025-01-10T09:00:00Z',
    },
  ],
};

const denial: Denial = {
  denial_id: 'den-1',
  correlation_id: 'corr-deny-0042',
  subscription_id: 'sub-1',
  customer_id: 'cust-1',
  deliverable_id: 'del-1',
  action: 'publish',
  ...approvalMissing,
  policy_version: 'p1',
  denied_at: '2025-01-10T09:00:00Z',
};

describe('Ops: hired agents', () => {
  it('finds a customer’s hired agents by email and opens one in full', async () => {
    signedInAs('support');
    const calls = stubBackend({
      'GET /api/pp/ops/hired-agents': (call: RecordedCall) =>
        json(200, { hired_agents: call.search.includes('email') ? [summary] : [], page: 0, size: 25, total: call.search.includes('email') ? 1 : 0 }),
      'GET /api/pp/ops/hired-agents/hired-1': json(200, instance),
    });
    const { router } = renderApp(ppRoutes, '/ops/hired-agents');
    expect(await screen.findByText('No hired agents yet.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Customer email or name, or agent name (part is enough)'), 'demo@myagents.local');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    const results = await screen.findByRole('table', { name: 'Hired agents found' });
    expect(searchParams(router).get('email')).toBe('demo@myagents.local');
    expect(calls.at(-1)!.search).toBe('?email=demo%40myagents.local&page=0&size=25');
    expect(results).toHaveTextContent('marketing.healthcare.v1');

    await userEvent.click(within(results).getByRole('link', { name: 'Clinic Marketing' }));

    expect(await screen.findByRole('heading', { name: 'Clinic Marketing', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Configuration violations' })).toHaveTextContent('/brand_name is required');
    expect(screen.getByRole('region', { name: 'Configuration (references only)' })).toHaveTextContent('cred-li-1');
    expect(screen.getByRole('table', { name: 'Goals' })).toHaveTextContent('marketing.weekly_multichannel_batch');
    expect(screen.getByRole('table', { name: 'Drafts' })).toHaveTextContent('Flu shots this week.');
    expect(screen.getByText('No approvals or rejections yet.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Denials' })).getByRole('link', { name: 'Correlation corr-deny-0042' })).toHaveAttribute(
      'href',
      '/ops/correlations/corr-deny-0042',
    );
  });

  it('shows the backend’s complaint about a malformed id at its field', async () => {
    signedInAs('admin');
    stubBackend({
      'GET /api/pp/ops/hired-agents': (call: RecordedCall) =>
        call.search.includes('customer_id')
          ? problem(400, { title: 'Bad Request', errors: [{ pointer: 'customer_id', message: 'must be a UUID' }] })
          : json(200, { hired_agents: [], page: 0, size: 25, total: 0 }),
    });
    renderApp(ppRoutes, '/ops/hired-agents?customer_id=nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('customer_id must be a UUID');
    expect(screen.getByLabelText('Customer id')).toHaveValue('nope');
  });
});

describe('Ops: denials', () => {
  it('shows a denial with the same columns on the audit page and on its hired agent, less who the customer is there', async () => {
    signedInAs('admin');
    stubBackend({
      'GET /api/pp/ops/denials': json(200, { denials: [denial], page: 0, size: 25, total: 1 }),
      'GET /api/pp/ops/hired-agents/hired-1': json(200, instance),
    });
    const headings = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((cell) => cell.textContent);

    const audit = renderApp(ppRoutes, '/ops/denials');
    const auditColumns = headings(await screen.findByRole('table', { name: 'Denials' }));
    audit.unmount();
    renderApp(ppRoutes, '/ops/hired-agents/hired-1');
    const agentTable = await screen.findByRole('table', { name: 'Denials' });

    expect(auditColumns).toEqual(['Denied', 'Reason', 'Detail', 'Action', 'Customer', 'Subscription', 'Correlation']);
    expect(headings(agentTable)).toEqual(auditColumns.filter((label) => label !== 'Customer' && label !== 'Subscription'));
    expect(within(agentTable).getByText('approval_missing')).toHaveClass('pp-reason');
  });

  it('finds a denial by correlation id and links to its timeline', async () => {
    signedInAs('auditor');
    const calls = stubBackend({
      'GET /api/pp/ops/denials': (call: RecordedCall) =>
        json(200, { denials: call.search.includes('correlation_id') ? [denial] : [], page: 0, size: 25, total: 1 }),
    });
    const { router } = renderApp(ppRoutes, '/ops/denials');
    await screen.findByText('No denial matches these filters.');

    await userEvent.type(screen.getByLabelText('Correlation id'), 'corr-deny-0042');
    await userEvent.selectOptions(screen.getByLabelText('Reason'), 'approval_missing');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    const table = await screen.findByRole('table', { name: 'Denials' });
    expect(calls.at(-1)!.search).toBe('?correlation_id=corr-deny-0042&reason=approval_missing&page=0&size=25');
    expect(searchParams(router).get('correlation_id')).toBe('corr-deny-0042');
    expect(table).toHaveTextContent('approval_missing');
    expect(table).toHaveTextContent('no approval_id given');
    expect(within(table).getByRole('link', { name: 'Correlation corr-deny-0042' })).toHaveAttribute(
      'href',
      '/ops/correlations/corr-deny-0042',
    );
  });

  it('sends a time window as ISO instants', async () => {
    signedInAs('auditor');
    const calls = stubBackend({ 'GET /api/pp/ops/decisions': json(200, { decisions: [], page: 0, size: 25, total: 0 }) });
    renderApp(ppRoutes, '/ops/decisions');
    await screen.findByText('No decision matches these filters.');

    await userEvent.type(screen.getByLabelText('From'), '2025-01-10T08:00');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'deny');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    await screen.findByText('No decision matches these filters.');
    const sent = new URLSearchParams(calls.at(-1)!.search);
    expect(sent.get('from')).toBe(new Date('2025-01-10T08:00').toISOString());
    expect(sent.get('outcome')).toBe('deny');
  });
});

describe('Ops: exports', () => {
  it('downloads every denial the applied filters select as CSV, with the session token', async () => {
    signedInAs('auditor');
    const createObjectURL = vi.fn(() => 'blob:denials');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls = stubBackend({
      'GET /api/pp/ops/denials': json(200, { denials: [denial], page: 0, size: 25, total: 1 }),
      'GET /api/pp/ops/denials/export': new Response('denied_at,correlation_id\r\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="denials-1.csv"' },
      }),
    });
    renderApp(ppRoutes, '/ops/denials?reason=approval_missing');
    await screen.findByRole('table', { name: 'Denials' });

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const exported = calls.find((call) => call.path === '/api/pp/ops/denials/export')!;
    expect(new URLSearchParams(exported.search).get('format')).toBe('csv');
    expect(new URLSearchParams(exported.search).get('reason')).toBe('approval_missing');
    expect(exported.headers.get('Authorization')).toMatch(/^Bearer /);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:denials');
    expect(save).toHaveBeenCalledTimes(1);
    save.mockRestore();
  });

  it('says why an export was refused', async () => {
    signedInAs('auditor');
    stubBackend({
      'GET /api/pp/ops/decisions': json(200, { decisions: [], page: 0, size: 25, total: 0 }),
      'GET /api/pp/ops/decisions/export': problem(400, {
        title: 'Bad Request',
        detail: 'format must be csv or jsonl',
      }),
    });
    renderApp(ppRoutes, '/ops/decisions');
    await screen.findByText('No decision matches these filters.');

    await userEvent.click(screen.getByRole('button', { name: 'Download JSON Lines' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('format must be csv or jsonl');
  });
});
