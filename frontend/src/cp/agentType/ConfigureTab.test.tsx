import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInCustomer } from '../../test/cpFixtures';
import { completeMarketingConfig, hiredAgent } from '../../test/definitions';
import { json, problem, stubBackend } from '../../test/http';
import type { Handler, RecordedCall } from '../../test/http';
import { hubRoutes } from '../../test/cpBackend';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { HiredAgent } from '../cpApi';

const storedLinkedIn = {
  credential_ref: 'cred-li-1',
  platform: 'linkedin',
  posting_identity: 'sunrise-clinic',
  hint: '****abcd',
  created_at: '2025-01-01T00:00:00Z',
};

function openConfigure(hired: HiredAgent, extra: Record<string, Handler> = {}, agent = 'hired-1'): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    ...hubRoutes(),
    [`GET /api/cp/hired-agents/${agent}`]: json(200, hired),
    'GET /api/cp/platform-credentials': json(200, { credentials: [storedLinkedIn] }),
    'GET /api/cp/exchange-setup': json(200, { exchange_setups: [] }),
    'PUT /api/cp/hired-agents/draft': (call) =>
      json(200, { ...hired, config: (call.body as { config: unknown }).config, configured: true, config_violations: [] }),
    ...extra,
  });
  renderApp(cpRoutes, `/?agent=${agent}&tab=configure`);
  return calls;
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

describe('Configure tab', () => {
  it('renders every widget the definition asks for', async () => {
    openConfigure(hiredAgent({ config: { nickname: 'Clinic buzz' } }));

    expect(await screen.findByRole('heading', { name: 'Configure Digital Marketing Agent (Healthcare)' })).toBeInTheDocument();
    // text, with its help text as description
    expect(screen.getByRole('textbox', { name: 'Agent nickname' })).toHaveValue('Clinic buzz');
    expect(screen.getByRole('textbox', { name: 'Agent nickname' })).toHaveAccessibleDescription(
      'The name shown in the My Agents selector.',
    );
    // enum with the definition's labels
    const theme = screen.getByRole('combobox', { name: 'Avatar / theme' });
    expect(within(theme).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose…', 'Teal', 'Indigo']);
    // IANA time zone picker with a filter
    const timezone = screen.getByRole('combobox', { name: 'Timezone' });
    expect(within(timezone).getByRole('option', { name: 'Asia/Kolkata' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Filter the Timezone list' })).toBeInTheDocument();
    // list of strings, list of enums, keyed credential map, nested object with number and boolean
    expect(screen.getByRole('textbox', { name: 'Add to Offerings / services' })).toBeInTheDocument();
    const platforms = screen.getByRole('group', { name: 'Platforms enabled' });
    expect(within(platforms).getAllByRole('checkbox').map((box) => box.parentElement!.textContent)).toEqual([
      'X',
      'LinkedIn',
      'Instagram',
    ]);
    expect(screen.getByRole('group', { name: 'Platform connections' })).toHaveTextContent('Choose Platforms enabled above');
    const constraints = screen.getByRole('group', { name: 'Constraints' });
    expect(within(constraints).getByRole('spinbutton', { name: 'Maximum post length' })).toBeInTheDocument();
    expect(within(constraints).getByRole('checkbox', { name: 'Emoji allowed' })).not.toBeChecked();
    // a fixed value is shown, not editable
    expect(screen.getByRole('textbox', { name: 'Review policy' })).toHaveValue('Approval required per post');
    expect(screen.getByRole('textbox', { name: 'Review policy' })).toHaveAttribute('readonly');
  });

  it('narrows the time zones as the customer types and stores the chosen IANA name', async () => {
    openConfigure(hiredAgent({ config: { ...completeMarketingConfig, timezone: 'UTC' } }));
    const user = userEvent.setup();
    const timezone = await screen.findByRole('combobox', { name: 'Timezone' });

    await user.type(screen.getByRole('searchbox', { name: 'Filter the Timezone list' }), 'kolk');

    expect(within(timezone).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(['UTC', 'Asia/Kolkata']);
    await user.selectOptions(timezone, 'Asia/Kolkata');
    expect(timezone).toHaveValue('Asia/Kolkata');
  });

  it('keeps Save disabled while the form is invalid, says why, and saves once it is valid', async () => {
    const { brand_name: _brand, ...withoutBrand } = completeMarketingConfig;
    const calls = openConfigure(hiredAgent({ config: withoutBrand }));
    const user = userEvent.setup();
    await screen.findByRole('textbox', { name: 'Brand name' });

    // Given a config without a brand name, Save is disabled with the reason next to it
    expect(saveButton()).toBeDisabled();
    expect(saveButton()).toHaveAccessibleDescription(/Brand name is required/);

    // When the customer clears the nickname, the field says so at once
    await user.clear(screen.getByRole('textbox', { name: 'Agent nickname' }));
    expect(screen.getByRole('textbox', { name: 'Agent nickname' })).toHaveAccessibleDescription(/Agent nickname is required/);
    expect(screen.getByRole('textbox', { name: 'Agent nickname' })).toHaveAttribute('aria-invalid', 'true');

    // And once both are filled in, Save is enabled and sends the whole config
    await user.type(screen.getByRole('textbox', { name: 'Agent nickname' }), 'Clinic buzz');
    await user.type(screen.getByRole('textbox', { name: 'Brand name' }), 'Sunrise Clinic');
    expect(saveButton()).toBeEnabled();
    await user.click(saveButton());

    expect(await screen.findByText('Saved: the agent is configured.')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT' && !call.path.endsWith('/selected'))!;
    expect(put.path).toBe('/api/cp/hired-agents/draft');
    expect(put.body).toEqual({ subscription_id: 'sub-1', config: completeMarketingConfig });
  });

  it('adds and removes list entries, and shows an entry that breaks a rule', async () => {
    const calls = openConfigure(hiredAgent({ config: completeMarketingConfig }));
    const user = userEvent.setup();
    const add = await screen.findByRole('textbox', { name: 'Add to Offerings / services' });

    await user.type(add, 'Vaccinations{Enter}');
    await user.type(add, 'Dental care');
    await user.click(within(screen.getByRole('group', { name: 'Offerings / services' })).getByRole('button', { name: 'Add' }));

    const offerings = screen.getByRole('group', { name: 'Offerings / services' });
    expect(offerings).toHaveAccessibleDescription(/must not contain the same entry twice/);
    expect(saveButton()).toBeDisabled();
    await user.click(within(offerings).getAllByRole('button', { name: 'Remove Dental care from Offerings / services' })[1]);
    expect(within(offerings).getAllByRole('textbox', { name: /Offerings \/ services, entry/ })).toHaveLength(2);

    await user.click(saveButton());
    await screen.findByText('Saved: the agent is configured.');
    expect((calls.find((call) => call.method === 'PUT' && !call.path.endsWith('/selected'))!.body as { config: { offerings: string[] } }).config.offerings).toEqual([
      'Dental care',
      'Vaccinations',
    ]);
  });

  it('shows the saved instance’s violations and a rejected save’s errors at their fields', async () => {
    openConfigure(
      hiredAgent({
        config: completeMarketingConfig,
        config_violations: [{ pointer: '/brand_name', message: 'must not look like a secret' }],
      }),
      {
        'PUT /api/cp/hired-agents/draft': problem(400, {
          title: 'Bad Request',
          detail: 'The config has errors.',
          correlation_id: 'corr-400',
          errors: [
            { pointer: '/config/offerings/0', message: 'mentions a banned word' },
            { pointer: '/config/constraints/max_length', message: 'must be at most 3000 for this plan' },
          ],
        }),
      },
    );
    const user = userEvent.setup();

    const brand = await screen.findByRole('textbox', { name: 'Brand name' });
    expect(brand).toHaveAccessibleDescription('Brand name must not look like a secret');

    await user.type(screen.getByRole('spinbutton', { name: 'Maximum post length' }), '4000');
    await user.click(saveButton());

    expect(await screen.findByText('Entry 1: mentions a banned word')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Maximum post length' })).toHaveAccessibleDescription(
      'Maximum post length must be at most 3000 for this plan',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('corr-400');
    // editing the field clears the server's word about it
    await user.clear(brand);
    await user.type(brand, 'Sunrise');
    expect(brand).not.toHaveAccessibleDescription(/secret/);
  });

  it('connects a platform: the secret goes to CP, only the returned ref goes into the config', async () => {
    const calls = openConfigure(hiredAgent({ config: completeMarketingConfig }), {
      'PUT /api/cp/platform-credentials': json(201, {
        credential_ref: 'cred-ig-9',
        platform: 'instagram',
        posting_identity: '@sunrise',
        hint: '****wxyz',
      }),
    });
    const user = userEvent.setup();
    const platforms = await screen.findByRole('group', { name: 'Platforms enabled' });

    // Given Instagram is enabled but not connected, the form cannot be saved
    await user.click(within(platforms).getByRole('checkbox', { name: 'Instagram' }));
    expect(saveButton()).toHaveAccessibleDescription(/every enabled platform needs a connected credential/);
    expect(screen.getByRole('combobox', { name: 'LinkedIn connection' })).toHaveValue('cred-li-1');

    // When the customer connects it in the dialog
    await user.click(screen.getByRole('button', { name: 'Connect Instagram' }));
    const dialog = screen.getByRole('dialog', { name: 'Connect Instagram' });
    expect(within(dialog).getByLabelText('Access token')).toHaveAttribute('type', 'password');
    expect(within(dialog).getByLabelText('Refresh token (optional)')).toHaveAttribute('type', 'password');
    expect(within(dialog).getByLabelText('Posting identity')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Posting identity'), '@sunrise');
    await user.type(within(dialog).getByLabelText('Access token'), 'ig-secret-token');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    // Then the secret went to the vault, the dialog is gone and the ref is chosen
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((call) => call.path === '/api/cp/platform-credentials' && call.method === 'PUT' && !call.path.endsWith('/selected'))!.body).toEqual({
      platform: 'instagram',
      posting_identity: '@sunrise',
      access_token: 'ig-secret-token',
    });
    expect(screen.getByRole('combobox', { name: 'Instagram connection' })).toHaveValue('cred-ig-9');
    expect(screen.queryByDisplayValue('ig-secret-token')).not.toBeInTheDocument();

    // And saving sends only the ref
    await user.click(saveButton());
    await screen.findByText('Saved: the agent is configured.');
    const saved = calls.find((call) => call.path === '/api/cp/hired-agents/draft')!;
    expect((saved.body as { config: Record<string, unknown> }).config.platform_credentials).toEqual({
      linkedin: { credential_ref: 'cred-li-1' },
      instagram: { credential_ref: 'cred-ig-9' },
    });
    expect(JSON.stringify(saved.body)).not.toContain('ig-secret-token');
  });

  it('forgets what was typed into the dialog when it is closed', async () => {
    const calls = openConfigure(hiredAgent({ config: completeMarketingConfig }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Connect LinkedIn' }));

    await user.type(screen.getByLabelText('Access token'), 'typed-secret');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect LinkedIn' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Connect LinkedIn' }));
    expect(screen.getByLabelText('Access token')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.some((call) => call.path === '/api/cp/platform-credentials' && call.method === 'PUT' && !call.path.endsWith('/selected'))).toBe(false);
  });

  it('shows why the vault refused a credential, inside the dialog', async () => {
    openConfigure(hiredAgent({ config: completeMarketingConfig }), {
      'PUT /api/cp/platform-credentials': problem(400, {
        title: 'Bad Request',
        errors: [{ pointer: '/posting_identity', message: 'must not be blank' }],
        correlation_id: 'corr-vault',
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Connect LinkedIn' }));
    const dialog = screen.getByRole('dialog');

    await user.type(within(dialog).getByLabelText('Posting identity'), ' x');
    await user.type(within(dialog).getByLabelText('Access token'), 'tok');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('must not be blank');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('corr-vault');
  });

  it('connects an exchange with the limits from the form, and offers coins from the allowed list', async () => {
    const trading = hiredAgent({
      hired_instance_id: 'hired-2',
      subscription_id: 'sub-2',
      agent_type_id: 'trading.delta_futures.v1',
      config: { nickname: 'Futures desk', allowed_coins: ['BTC', 'ETH'], default_coin: 'BTC', risk_limits: { max_units_per_order: 5 } },
    });
    const calls = openConfigure(
      trading,
      {
        'PUT /api/cp/exchange-setup': json(201, { credential_ref: 'ex-ref-1', exchange_provider: 'delta_exchange_india', hint: '****9f' }),
      },
      'hired-2',
    );
    const user = userEvent.setup();

    const defaultCoin = await screen.findByRole('combobox', { name: 'Default coin' });
    expect(within(defaultCoin).getAllByRole('option').map((option) => option.textContent)).toEqual(['BTC', 'ETH']);
    expect(screen.getByRole('textbox', { name: 'Exchange' })).toHaveValue('Delta Exchange India');

    await user.click(screen.getByRole('button', { name: 'Connect exchange' }));
    const dialog = screen.getByRole('dialog', { name: 'Connect Delta Exchange India' });
    expect(within(dialog).getByLabelText('Default coin')).toHaveValue('BTC');
    expect(within(dialog).getByLabelText('Allowed coins')).toHaveValue('BTC, ETH');
    expect(within(dialog).getByLabelText('Max units per order')).toHaveValue(5);
    // the form is the one source: what it holds is shown, not asked again
    expect(within(dialog).getByLabelText('Allowed coins')).toHaveAttribute('readonly');
    expect(within(dialog).getByLabelText('API secret')).toHaveAttribute('type', 'password');
    await user.type(within(dialog).getByLabelText('API key'), 'key-123');
    await user.type(within(dialog).getByLabelText('API secret'), 'secret-456');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Exchange connection' })).toHaveValue('ex-ref-1'));
    expect(calls.find((call) => call.path === '/api/cp/exchange-setup' && call.method === 'PUT' && !call.path.endsWith('/selected'))!.body).toEqual({
      exchange_provider: 'delta_exchange_india',
      api_key: 'key-123',
      api_secret: 'secret-456',
      default_coin: 'BTC',
      allowed_coins: ['BTC', 'ETH'],
      max_units_per_order: 5,
    });

    // the default coin must stay one of the allowed coins
    await user.click(
      within(screen.getByRole('group', { name: 'Allowed coins' })).getByRole('button', { name: 'Remove BTC from Allowed coins' }),
    );
    expect(screen.getByRole('combobox', { name: 'Default coin' })).toHaveAccessibleDescription(
      'Default coin must be one of the allowed coins',
    );
  });

  it('fills the coins and limits typed into the exchange dialog into an empty form', async () => {
    const trading = hiredAgent({
      hired_instance_id: 'hired-2',
      subscription_id: 'sub-2',
      agent_type_id: 'trading.delta_futures.v1',
      config: { nickname: 'Futures desk' },
    });
    openConfigure(
      trading,
      { 'PUT /api/cp/exchange-setup': json(201, { credential_ref: 'ex-ref-2', exchange_provider: 'delta_exchange_india' }) },
      'hired-2',
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Connect exchange' }));
    const dialog = screen.getByRole('dialog', { name: 'Connect Delta Exchange India' });
    await user.type(within(dialog).getByLabelText('API key'), 'k');
    await user.type(within(dialog).getByLabelText('API secret'), 's');
    await user.type(within(dialog).getByLabelText('Default coin'), 'eth');
    await user.type(within(dialog).getByLabelText('Allowed coins'), 'ETH, BTC');
    await user.type(within(dialog).getByLabelText('Max units per order'), '3');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    const coins = within(await screen.findByRole('group', { name: 'Allowed coins' }));
    await waitFor(() => expect(coins.getAllByRole('textbox', { name: /Allowed coins, entry/ })).toHaveLength(2));
    expect(screen.getByRole('spinbutton', { name: 'Max units per order' })).toHaveValue(3);
  });

  it('finalizes a configured agent, and shows why Plant refused when it does', async () => {
    let attempts = 0;
    openConfigure(hiredAgent({ config: completeMarketingConfig, configured: true }), {
      'POST /api/cp/hired-agents/hired-1/finalize': () =>
        ++attempts === 1
          ? problem(409, {
              title: 'Not ready to finalize',
              detail: 'Finish setting the agent up first.',
              errors: [{ pointer: '/goals', message: 'add at least one goal' }],
              correlation_id: 'corr-409',
            })
          : json(200, hiredAgent({ config: completeMarketingConfig, configured: true, finalized_at: '2025-02-01T10:00:00Z' })),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Finalize' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not ready to finalize');
    expect(alert).toHaveTextContent('add at least one goal');
    expect(alert).toHaveTextContent('corr-409');

    await user.click(screen.getByRole('button', { name: 'Finalize' }));
    expect(await screen.findByText(/Finalized on/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finalize' })).not.toBeInTheDocument();
  });

  it('asks to save before finalizing an edited config', async () => {
    openConfigure(hiredAgent({ config: completeMarketingConfig, configured: true }));
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: 'Posting identity' }), '@sunrise');

    expect(screen.getByRole('button', { name: 'Finalize' })).toBeDisabled();
    expect(screen.getByText('Save your changes before finalizing.')).toBeInTheDocument();
  });

  it('shows the problem when the definition cannot be loaded', async () => {
    openConfigure(hiredAgent(), {
      'GET /api/cp/agent-types/marketing.healthcare.v1': problem(503, { title: 'Service Unavailable', correlation_id: 'corr-def' }),
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service is busy');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
