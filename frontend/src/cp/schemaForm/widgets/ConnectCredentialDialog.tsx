import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { humanize } from '../../../shared/format';
import { cpApi } from '../../cpApi';
import type { CredentialKind, StoredCredential } from '../../cpApi';

/** Non-secret values the dialog can start from (taken from the form being filled). */
export interface ConnectPrefill {
  posting_identity?: string;
  exchange_provider?: string;
  /** How the definition names that exchange, e.g. "Delta Exchange India". */
  exchange_label?: string;
  default_coin?: string;
  allowed_coins?: string[];
  max_units_per_order?: number;
  max_notional_inr?: number;
}

/**
 * Sends secrets straight to CP's credential vault and hands back only the reference it mints.
 * Secrets live in this component's state alone (not in the query cache, not in the form), are
 * wiped on success and vanish when the dialog closes; the inputs are password fields.
 */
/** Coins and limits, one source for the exchange connection and the config form. */
export interface ExchangeSettings {
  default_coin: string;
  allowed_coins: string[];
  max_units_per_order: number;
  max_notional_inr?: number;
}

export function ConnectCredentialDialog({
  kind,
  platform,
  platformLabel,
  prefill,
  onConnected,
  onClose,
}: {
  kind: CredentialKind;
  /** For platform connections: the platform being connected (the key of the credential map). */
  platform?: string;
  platformLabel?: string;
  prefill: ConnectPrefill;
  /** `settings`: the coins and limits the exchange was connected with, for the form to keep. */
  onConnected: (stored: StoredCredential, settings?: ExchangeSettings) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [fields, setFields] = useState<Record<string, string>>(() => ({
    posting_identity: prefill.posting_identity ?? '',
    default_coin: prefill.default_coin ?? '',
    allowed_coins: (prefill.allowed_coins ?? []).join(', '),
    max_units_per_order: prefill.max_units_per_order === undefined ? '' : String(prefill.max_units_per_order),
    max_notional_inr: prefill.max_notional_inr === undefined ? '' : String(prefill.max_notional_inr),
  }));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const exchangeProvider = prefill.exchange_provider ?? 'delta_exchange_india';
  // When the form already holds coins and limits, the dialog shows those (read-only) instead of
  // asking again; otherwise what is typed here is filled into the form on success.
  const fromForm = Boolean(
    prefill.default_coin && (prefill.allowed_coins ?? []).length > 0 && prefill.max_units_per_order !== undefined,
  );
  const exchangeLabel = prefill.exchange_label ?? humanize(exchangeProvider);

  // Focus moves into the dialog and goes back to what opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('input:not([readonly]), button')?.focus();
    return () => opener?.focus?.();
  }, []);

  const set = (name: string) => (value: string) => setFields((current) => ({ ...current, [name]: value }));
  const text = (name: string) => fields[name] ?? '';
  // A required exchange setting: typed here, or read-only when the form already holds it.
  const formSetting = (name: string) => ({
    value: text(name),
    onChange: fromForm ? undefined : set(name),
    readOnly: fromForm,
    required: true,
  });
  const coins = text('allowed_coins')
    .split(/[\s,]+/)
    .map((coin) => coin.trim().toUpperCase())
    .filter(Boolean);
  const complete =
    kind === 'platform'
      ? Boolean(platform && text('posting_identity').trim() && text('access_token'))
      : Boolean(
          text('api_key') &&
            text('api_secret') &&
            text('default_coin').trim() &&
            coins.length > 0 &&
            Number(text('max_units_per_order')) > 0,
        );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // React bubbles events along the component tree, portals included: this submit is not the
    // surrounding config form's.
    event.stopPropagation();
    if (!complete || submitting) {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const stored =
        kind === 'platform'
          ? await cpApi.connectPlatform({
              platform: platform!,
              posting_identity: text('posting_identity').trim(),
              access_token: text('access_token'),
              ...(text('refresh_token') ? { refresh_token: text('refresh_token') } : {}),
            })
          : await cpApi.connectExchange({
              exchange_provider: exchangeProvider,
              api_key: text('api_key'),
              api_secret: text('api_secret'),
              default_coin: text('default_coin').trim().toUpperCase(),
              allowed_coins: coins,
              max_units_per_order: Number(text('max_units_per_order')),
              ...(text('max_notional_inr') ? { max_notional_inr: Number(text('max_notional_inr')) } : {}),
            });
      setFields({});
      onConnected(
        stored,
        kind === 'platform'
          ? undefined
          : {
              default_coin: text('default_coin').trim().toUpperCase(),
              allowed_coins: coins,
              max_units_per_order: Number(text('max_units_per_order')),
              ...(text('max_notional_inr') ? { max_notional_inr: Number(text('max_notional_inr')) } : {}),
            },
      );
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
      // The reason must be seen, not left below the fold of the dialog.
      requestAnimationFrame(() => dialogRef.current?.querySelector('[role="alert"]')?.scrollIntoView?.({ block: 'nearest' }));
    }
  }

  function trapKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) {
      return;
    }
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('input, button, select, textarea')].filter(
      (element) => !(element as HTMLInputElement).disabled,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  const title = kind === 'platform' ? `Connect ${platformLabel ?? platform}` : `Connect ${exchangeLabel}`;
  // Rendered into <body>: inside the config form it would be a form nested in a form, which
  // browsers submit natively (a page reload) instead of through React.
  return createPortal(
    <div className="dialog-backdrop">
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog card" onKeyDown={trapKeys}>
        <h3 id={titleId}>{title}</h3>
        <p className="muted">
          {kind === 'platform' ? 'The token is' : 'The API key and secret are'} stored encrypted by My Agents. The agent's
          configuration keeps only a reference, and the secret is never shown again.
        </p>
        <form onSubmit={submit} className="dialog-form" autoComplete="off">
          {kind === 'platform' ? (
            <>
              <DialogInput label="Platform" value={platformLabel ?? platform ?? ''} readOnly />
              <DialogInput label="Posting identity" value={text('posting_identity')} onChange={set('posting_identity')} required />
              <DialogInput kind="secret" label="Access token" value={text('access_token')} onChange={set('access_token')} required />
              <DialogInput kind="secret" label="Refresh token (optional)" value={text('refresh_token')} onChange={set('refresh_token')} />
            </>
          ) : (
            <>
              <DialogInput label="Exchange" value={exchangeLabel} readOnly />
              <DialogInput kind="secret" label="API key" value={text('api_key')} onChange={set('api_key')} required />
              <DialogInput kind="secret" label="API secret" value={text('api_secret')} onChange={set('api_secret')} required />
              {fromForm && (
                <p className="muted small">Coins and limits come from your settings in the form; change them there.</p>
              )}
              <DialogInput label="Default coin" {...formSetting('default_coin')} />
              <DialogInput
                label="Allowed coins"
                {...formSetting('allowed_coins')}
                help={fromForm ? undefined : 'Separated by commas, e.g. BTC, ETH. They are also filled into the form.'}
              />
              <DialogInput kind="number" label="Max units per order" {...formSetting('max_units_per_order')} />
              <DialogInput kind="number" label="Max notional (INR, optional)" value={text('max_notional_inr')} onChange={set('max_notional_inr')} />
            </>
          )}
          {error !== null && <ProblemAlert error={error} />}
          <div className="button-row">
            <button type="submit" disabled={!complete || submitting}>
              {submitting ? 'Connecting…' : 'Connect'}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}

function Labelled({ label, help, children }: { label: string; help?: string; children: (helpId?: string) => ReactNode }) {
  const helpId = useId();
  return (
    <div className="dialog-field">
      <label>
        {label}
        {children(help ? helpId : undefined)}
      </label>
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
    </div>
  );
}

/** What each kind of dialog input adds to a plain input: secrets are masked and never spell-checked. */
const INPUT_KINDS = {
  text: { type: 'text' },
  secret: { type: 'password', autoComplete: 'off', spellCheck: false },
  number: { type: 'number', min: 0, step: 'any' },
} as const;

function DialogInput({
  kind = 'text',
  label,
  value,
  onChange,
  readOnly,
  required,
  help,
}: {
  kind?: keyof typeof INPUT_KINDS;
  label: string;
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  required?: boolean;
  help?: string;
}) {
  return (
    <Labelled label={label} help={help}>
      {(helpId) => (
        <input
          {...INPUT_KINDS[kind]}
          value={value}
          readOnly={readOnly}
          required={required}
          aria-describedby={helpId}
          onChange={(event) => onChange?.(event.target.value)}
        />
      )}
    </Labelled>
  );
}
