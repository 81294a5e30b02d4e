import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubBackend } from '../../test/http';
import type { RecordedCall } from '../../test/http';
import { renderApp } from '../../test/render';
import { ppRoutes } from '../PpApp';
import type { ValidationReport } from '../ppApi';
import {
  AGENT_TYPE_ID,
  definition,
  draftApi,
  draftDefinition,
  draftPath,
  report,
  signedInAs,
} from '../test/ppFixtures';

const typeApi = `/api/pp/agent-types/${AGENT_TYPE_ID}`;

const badWidget = report({
  valid: false,
  errors: [{ path: '/ui_hints/theme/widget', message: 'must be one of [boolean, enum, list, text]' }],
});

const withBreakingChange = report({
  breaking_changes: [
    {
      kind: 'new_required_field',
      path: '/config_schema/required/1',
      message: 'brand_name is required now; configs without it stop being configured',
    },
  ],
  affected_instances: [
    {
      hired_instance_id: 'hired-9',
      subscription_id: 'sub-9',
      customer_id: 'cust-9',
      customer_email: 'dana@example.com',
      pinned_version: '1.0.0',
      subscription_status: 'active',
      violations: [{ pointer: '/brand_name', message: 'is required' }],
    },
  ],
});

/** The backend of one draft: its definition, a validate answer per call, and publish. */
function draftBackend(validations: ValidationReport[], extra: Record<string, Response | ((call: RecordedCall) => Response)> = {}) {
  let validated = 0;
  return stubBackend({
    [`GET ${typeApi}`]: json(200, draftDefinition({ ui_hints: { nickname: { label: 'Agent nickname', widget: 'text' }, theme: { label: 'Theme', widget: 'dropdown' } } })),
    [`POST ${draftApi}/validate`]: () => json(200, validations[Math.min(validated++, validations.length - 1)]),
    [`GET ${typeApi}/versions`]: json(200, { versions: [definition(), draftDefinition()] }),
    ...extra,
  });
}

const posts = (calls: RecordedCall[], path: string) => calls.filter((call) => call.method === 'POST' && call.path === path);

describe('Agent Management: versions', () => {
  it('lists the versions newest first with their status and starts a new draft from the latest', async () => {
    signedInAs('admin');
    const calls = stubBackend({
      [`GET ${typeApi}/versions`]: json(200, { versions: [definition(), definition({ version: '0.9.0' })] }),
      [`POST ${typeApi}/versions`]: json(201, draftDefinition()),
      [`GET ${typeApi}`]: json(200, draftDefinition()),
      [`POST ${draftApi}/validate`]: json(200, report()),
    });
    const { router } = renderApp(ppRoutes, `/agent-types/${AGENT_TYPE_ID}`);

    const table = await screen.findByRole('table', { name: `Versions of ${AGENT_TYPE_ID}` });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['1.0.0', '0.9.0']);
    expect(rows[0]).toHaveTextContent('published');

    await userEvent.click(screen.getByRole('button', { name: 'New draft version' }));

    expect(await screen.findByRole('heading', { name: 'Edit draft 1.1.0' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(draftPath);
    expect(posts(calls, `${typeApi}/versions`)[0].body).toEqual({});
  });

  it('offers to continue the existing draft instead of a second one', async () => {
    signedInAs('admin');
    stubBackend({ [`GET ${typeApi}/versions`]: json(200, { versions: [definition(), draftDefinition()] }) });
    renderApp(ppRoutes, `/agent-types/${AGENT_TYPE_ID}`);

    expect(await screen.findByRole('link', { name: 'Continue draft 1.1.0' })).toHaveAttribute('href', draftPath);
    expect(screen.queryByRole('button', { name: 'New draft version' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Version 1.1.0 (draft)' })).toBeInTheDocument();
  });

  it("names the operator who made a version by their display name, never by an id", async () => {
    signedInAs('support');
    stubBackend({
      [`GET ${typeApi}/versions`]: json(200, {
        versions: [
          draftDefinition({ created_by: '00000000-0000-0000-0000-0000000b0001' }),
          definition({ created_by: '00000000-0000-0000-0000-0000000b0009' }),
        ],
      }),
      'GET /api/pp/operators': json(200, {
        operators: [{ operator_id: '00000000-0000-0000-0000-0000000b0001', display_name: 'Ops Admin', email: 'ops@myagents.local' }],
      }),
    });
    renderApp(ppRoutes, `/agent-types/${AGENT_TYPE_ID}`);

    const table = await screen.findByRole('table', { name: `Versions of ${AGENT_TYPE_ID}` });
    const [draft, published] = within(table).getAllByRole('row').slice(1);
    expect(await within(draft).findByText('Ops Admin')).toHaveAttribute('title', 'ops@myagents.local');
    expect(published).toHaveTextContent('another operator');
    expect(table).not.toHaveTextContent('0000000b0001');
  });

  it('lets support read versions but not draft one', async () => {
    signedInAs('support');
    stubBackend({ [`GET ${typeApi}/versions`]: json(200, { versions: [definition()] }) });
    renderApp(ppRoutes, `/agent-types/${AGENT_TYPE_ID}`);

    await screen.findByRole('table', { name: `Versions of ${AGENT_TYPE_ID}` });

    expect(screen.queryByRole('button', { name: 'New draft version' })).not.toBeInTheDocument();
    expect(screen.getByText(/only admins draft and publish/)).toBeInTheDocument();
  });
});

describe('Agent Management: draft editor', () => {
  it('shows a guardrail error at its path, inside the field it points into', async () => {
    signedInAs('admin');
    draftBackend([badWidget]);
    renderApp(ppRoutes, draftPath);

    const fieldErrors = await screen.findByRole('list', { name: 'Guardrail errors in UI hints' });

    expect(fieldErrors).toHaveTextContent('/ui_hints/theme/widget');
    expect(fieldErrors).toHaveTextContent('must be one of [boolean, enum, list, text]');
    expect(screen.getByLabelText('UI hints')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Config schema')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('1 guardrail error blocks publishing.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish 1.1.0' })).toBeDisabled();
  });

  it('takes the operator to the value a guardrail error points at', async () => {
    signedInAs('admin');
    draftBackend([badWidget]);
    renderApp(ppRoutes, draftPath);

    await userEvent.click(await screen.findByRole('button', { name: 'Go to /ui_hints/theme/widget' }));

    const hints = screen.getByLabelText('UI hints') as HTMLTextAreaElement;
    expect(hints).toHaveFocus();
    expect(hints.value.slice(hints.selectionStart, hints.selectionEnd)).toBe('"dropdown"');
  });

  it('shows a JSON parse error inline and will not save until it is fixed', async () => {
    signedInAs('admin');
    draftBackend([report()]);
    renderApp(ppRoutes, draftPath);
    const extraRules = await screen.findByLabelText('Extra rules');

    fireEvent.change(extraRules, { target: { value: '[{"rule": }]' } });

    expect(screen.getByText(/^Not valid JSON:/)).toBeInTheDocument();
    expect(extraRules).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    expect(screen.getByText('Fix the JSON in Extra rules to save.')).toBeInTheDocument();

    fireEvent.change(extraRules, { target: { value: '[]' } });

    expect(screen.queryByText(/^Not valid JSON:/)).not.toBeInTheDocument();
  });

  it('saves the parsed draft and checks the guardrails again after the save', async () => {
    signedInAs('admin');
    const calls = draftBackend([badWidget, report()], {
      [`PUT ${draftApi}`]: (call) => json(200, { ...draftDefinition(), ...(call.body as object) }),
    });
    renderApp(ppRoutes, draftPath);
    await screen.findByRole('list', { name: 'Guardrail errors in UI hints' });
    const fixed = { nickname: { label: 'Agent nickname', widget: 'text' }, theme: { label: 'Theme', widget: 'enum' } };

    fireEvent.change(screen.getByLabelText('UI hints'), { target: { value: JSON.stringify(fixed) } });
    expect(screen.getByRole('button', { name: 'Publish 1.1.0' })).toBeDisabled();
    expect(screen.getByText('Save your changes first.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    // The check runs debounced after the save: give it time on a busy machine.
    expect(await screen.findByText('Passes every guardrail.', {}, { timeout: 4000 })).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.body).toMatchObject({ display_name: 'Digital Marketing Agent (Healthcare)', ui_hints: fixed, extra_rules: [] });
    expect(posts(calls, `${draftApi}/validate`)).toHaveLength(2);
    expect(screen.queryByRole('list', { name: 'Guardrail errors in UI hints' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish 1.1.0' })).toBeEnabled();
  });

  it('does not offer Publish on the report of the content before a save until the saved content is checked', async () => {
    signedInAs('admin');
    let answerRecheck: (response: Response) => void = () => undefined;
    let validated = 0;
    stubBackend({
      [`GET ${typeApi}`]: json(200, draftDefinition()),
      [`GET ${typeApi}/versions`]: json(200, { versions: [definition(), draftDefinition()] }),
      [`POST ${draftApi}/validate`]: () =>
        validated++ === 0 ? json(200, report()) : new Promise<Response>((resolve) => (answerRecheck = resolve)),
      [`PUT ${draftApi}`]: (call) => json(200, { ...draftDefinition(), ...(call.body as object) }),
    });
    renderApp(ppRoutes, draftPath);
    const publish = await screen.findByRole('button', { name: 'Publish 1.1.0' });
    await waitFor(() => expect(publish).toBeEnabled());

    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Changed.' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');

    expect(publish).toBeDisabled();
    expect(screen.getByText('Waiting for the guardrail check.')).toBeInTheDocument();
    expect(screen.queryByText('Passes every guardrail.')).not.toBeInTheDocument();
    await waitFor(() => expect(validated).toBe(2), { timeout: 4000 });
    answerRecheck(json(200, report()));
    await waitFor(() => expect(publish).toBeEnabled());
    expect(screen.getByText('Passes every guardrail.')).toBeInTheDocument();
  });

  it('blocks publishing a breaking version until the operator acknowledges it, then publishes with the acknowledgement', async () => {
    signedInAs('admin');
    const calls = draftBackend([withBreakingChange], {
      [`POST ${draftApi}/publish`]: json(200, draftDefinition({ status: 'published', published_at: '2025-02-02T08:00:00Z' })),
    });
    const { router } = renderApp(ppRoutes, draftPath);

    const warning = await screen.findByRole('region', { name: 'Breaking changes' });
    expect(warning).toHaveTextContent('new required field at /config_schema/required/1');
    expect(within(warning).getByRole('list', { name: 'Affected instances' })).toHaveTextContent('hired-9');
    expect(warning).toHaveTextContent('dana@example.com');
    const publish = screen.getByRole('button', { name: 'Publish 1.1.0' });
    expect(publish).toBeDisabled();
    expect(screen.getByText('Acknowledge the breaking changes first.')).toBeInTheDocument();

    await userEvent.click(within(warning).getByRole('checkbox', { name: /I understand these breaking changes/ }));
    expect(publish).toBeEnabled();
    await userEvent.click(publish);

    expect(await screen.findByText('Version 1.1.0 is published.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/agent-types/${AGENT_TYPE_ID}`);
    expect(posts(calls, `${draftApi}/publish`)[0].body).toEqual({ acknowledge_breaking_changes: true });
  });

  it('shows the server refusing a publish and the breaking changes it found', async () => {
    signedInAs('admin');
    const calls = draftBackend([report(), withBreakingChange], {
      [`POST ${draftApi}/publish`]: problem(409, {
        type: 'breaking-changes-unacknowledged',
        title: 'Conflict',
        detail: '1 breaking change(s) against 1.0.0 affecting 1 configured instance(s)',
        errors: [{ pointer: '/config_schema/required/1', message: 'brand_name is required now' }],
      }),
    });
    renderApp(ppRoutes, draftPath);
    const publish = await screen.findByRole('button', { name: 'Publish 1.1.0' });
    await waitFor(() => expect(publish).toBeEnabled());

    await userEvent.click(publish);

    expect(await screen.findByText(/1 breaking change\(s\) against 1.0.0/)).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Breaking changes' })).toBeInTheDocument();
    expect(posts(calls, `${draftApi}/validate`)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Publish 1.1.0' })).toBeDisabled();
  });

  it('shows support a draft read-only: no editor, no publish, but the guardrail check', async () => {
    signedInAs('support');
    draftBackend([badWidget]);
    renderApp(ppRoutes, draftPath);

    expect(await screen.findByText('Read-only: only admins edit and publish drafts.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Publish/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));

    expect(await screen.findByRole('list', { name: 'Guardrail errors' })).toHaveTextContent('/ui_hints/theme/widget');
  });

  it('shows a published version as immutable, even to an admin', async () => {
    signedInAs('admin');
    stubBackend({ [`GET ${typeApi}`]: json(200, definition()) });
    renderApp(ppRoutes, `/agent-types/${AGENT_TYPE_ID}/versions/1.0.0`);

    expect(await screen.findByText(/Published versions are immutable/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Config schema' })).toHaveTextContent('"nickname"');
  });
});
