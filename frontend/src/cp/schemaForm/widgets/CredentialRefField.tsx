import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { humanize } from '../../../shared/format';
import { cpApi, cpQueryKeys, credentialKindOf } from '../../cpApi';
import type { CredentialApiPath, CredentialKind, StoredCredential } from '../../cpApi';
import { choiceLabel } from '../fields';
import type { FieldSpec } from '../fields';
import { getAt } from '../pointer';
import { FieldFrame, FieldGroup } from '../FieldFrame';
import { hintAt, labelOfPointer } from '../fieldLookup';
import { useField } from '../formContext';
import type { FieldControl } from '../formContext';
import { isObjectSchema } from '../schema';
import { ConnectCredentialDialog } from './ConnectCredentialDialog';
import type { ConnectPrefill } from './ConnectCredentialDialog';

function describe(stored: StoredCredential): string {
  const facts = [stored.platform ?? (stored.exchange_provider && humanize(stored.exchange_provider)), stored.posting_identity, stored.hint]
    .filter(Boolean)
    .join(' · ');
  return facts ? `${facts} (${stored.credential_ref})` : stored.credential_ref;
}

function prefillFrom(config: unknown, fieldMap: Map<string, FieldSpec>): ConnectPrefill {
  const text = (pointer: string) => {
    const value = getAt(config, pointer);
    return typeof value === 'string' ? value : undefined;
  };
  const number = (pointer: string) => {
    const value = getAt(config, pointer);
    return typeof value === 'number' ? value : undefined;
  };
  const coins = getAt(config, '/allowed_coins');
  return {
    posting_identity: text('/posting_identity'),
    exchange_provider: text('/exchange_provider'),
    exchange_label: text('/exchange_provider') && choiceLabel(hintAt(fieldMap, '/exchange_provider'), text('/exchange_provider')),
    default_coin: text('/default_coin'),
    allowed_coins: Array.isArray(coins) ? coins.filter((coin): coin is string => typeof coin === 'string') : undefined,
    max_units_per_order: number('/risk_limits/max_units_per_order'),
    max_notional_inr: number('/risk_limits/max_notional_inr'),
  };
}

/**
 * A credential reference: pick one already stored in CP, or connect a new one in a dialog that
 * sends the secret to CP and puts only the returned `credential_ref` into the config. Either a
 * single reference (a string) or, with `keyed_by`, one `{credential_ref}` per entry of a list
 * (e.g. per enabled platform).
 */
export function CredentialRefField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  const api = field.hint.credential_api;
  const kind = credentialKindOf(api);
  if (!kind) {
    return (
      <FieldFrame field={field} control={control}>
        <input id={control.id} type="text" readOnly value={typeof control.value === 'string' ? control.value : ''} />
        <p className="muted">This connection cannot be made from My Agents yet.</p>
      </FieldFrame>
    );
  }
  return field.hint.keyed_by && isObjectSchema(field.schema) ? (
    <KeyedCredentials field={field} control={control} api={api as CredentialApiPath} kind={kind} />
  ) : (
    <SingleCredential field={field} control={control} api={api as CredentialApiPath} kind={kind} />
  );
}

/** What both credential widgets work with: the field, its control, where its connections live and of which kind. */
interface CredentialWidgetProps {
  field: FieldSpec;
  control: FieldControl;
  api: CredentialApiPath;
  kind: CredentialKind;
}

function useStoredCredentials(api: CredentialApiPath) {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: cpQueryKeys.credentials(api), queryFn: () => cpApi.credentials(api) });
  const remember = (credential: StoredCredential) => {
    queryClient.setQueryData<StoredCredential[]>(cpQueryKeys.credentials(api), (current = []) => [
      ...current.filter((existing) => existing.credential_ref !== credential.credential_ref),
      credential,
    ]);
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.credentials(api) });
  };
  return { stored, remember };
}

/** A connection select's options; a chosen ref that is not among them (say, not loaded yet) stays shown. */
function CredentialOptions({ loading, choices, current }: { loading: boolean; choices: StoredCredential[]; current: string }) {
  return (
    <>
      <option value="">{loading ? 'Loading connections…' : 'Not connected'}</option>
      {choices.map((credential) => (
        <option key={credential.credential_ref} value={credential.credential_ref}>
          {describe(credential)}
        </option>
      ))}
      {current && !choices.some((credential) => credential.credential_ref === current) && (
        <option value={current}>{current}</option>
      )}
    </>
  );
}

function LoadProblem({ failed }: { failed: boolean }) {
  return failed ? (
    <p className="field-errors" role="alert">
      Your existing connections could not be loaded; you can still connect a new one.
    </p>
  ) : null;
}

function SingleCredential({ field, control, api, kind }: CredentialWidgetProps) {
  const { stored, remember } = useStoredCredentials(api);
  const [connecting, setConnecting] = useState(false);
  const current = typeof control.value === 'string' ? control.value : '';
  const refs = stored.data ?? [];
  return (
    <FieldFrame field={field} control={control}>
      <div className="credential-row">
        <select
          id={control.id}
          aria-describedby={control.describedBy}
          aria-invalid={control.invalid || undefined}
          aria-required={field.required || undefined}
          disabled={control.disabled}
          value={current}
          onChange={(event) => control.set(event.target.value === '' ? undefined : event.target.value)}
        >
          <CredentialOptions loading={stored.isPending} choices={refs} current={current} />
        </select>
        <button type="button" className="secondary" disabled={control.disabled} onClick={() => setConnecting(true)}>
          {kind === 'exchange' ? 'Connect exchange' : 'Connect platform'}
        </button>
      </div>
      <LoadProblem failed={stored.isError} />
      {connecting && (
        <ConnectCredentialDialog
          kind={kind}
          prefill={prefillFrom(control.form.value, control.form.fieldMap)}
          onClose={() => setConnecting(false)}
          onConnected={(credential, settings) => {
            remember(credential);
            control.set(credential.credential_ref);
            // One source for coins and limits: what the exchange was connected with fills the
            // form's empty fields, so nothing is asked twice.
            if (settings) {
              const form = control.form;
              const fill = (pointer: string, value: unknown) => {
                const current = getAt(form.value, pointer);
                const empty = current === undefined || current === '' || (Array.isArray(current) && current.length === 0);
                if (empty && value !== undefined && form.fieldMap.has(pointer)) {
                  form.onChange(pointer, value);
                }
              };
              fill('/allowed_coins', settings.allowed_coins);
              fill('/default_coin', settings.default_coin);
              fill('/risk_limits/max_units_per_order', settings.max_units_per_order);
              fill('/risk_limits/max_notional_inr', settings.max_notional_inr);
            }
            setConnecting(false);
          }}
        />
      )}
    </FieldFrame>
  );
}

function KeyedCredentials({ field, control, api, kind }: CredentialWidgetProps) {
  const { stored, remember } = useStoredCredentials(api);
  const [connectingKey, setConnectingKey] = useState<string | null>(null);
  const keyedBy = field.hint.keyed_by!;
  const keyHint = hintAt(control.form.fieldMap, keyedBy);
  const keyLabel = (key: string) => choiceLabel(keyHint, key);
  const listed = getAt(control.form.value, keyedBy);
  const map =
    control.value && typeof control.value === 'object' && !Array.isArray(control.value)
      ? (control.value as Record<string, unknown>)
      : {};
  const keys = [
    ...new Set([...(Array.isArray(listed) ? listed.filter((key): key is string => typeof key === 'string') : []), ...Object.keys(map)]),
  ];
  const refs = stored.data ?? [];
  // The map's entries are {credential_ref} objects, or bare refs when the schema says strings.
  const entryIsObject =
    typeof field.schema.additionalProperties === 'object' && field.schema.additionalProperties.type !== 'string';
  const refOf = (entry: unknown) =>
    typeof entry === 'string'
      ? entry
      : entry && typeof entry === 'object'
        ? ((entry as { credential_ref?: string }).credential_ref ?? '')
        : '';

  function choose(key: string, ref: string | undefined) {
    const next = { ...map };
    if (ref) {
      next[key] = entryIsObject ? { credential_ref: ref } : ref;
    } else {
      delete next[key];
    }
    control.set(next);
  }

  return (
    <FieldGroup field={field} control={control} entryLabel={keyLabel}>
      {keys.length === 0 && (
        <p className="muted">Choose {labelOfPointer(control.form.fieldMap, keyedBy)} above, then connect each one here.</p>
      )}
      <ul className="credential-list">
        {keys.map((key) => {
          const selectId = `${control.id}-${key}`;
          const current = refOf(map[key]);
          const choices = refs.filter((credential) => !credential.platform || credential.platform === key);
          const stillListed = Array.isArray(listed) && listed.includes(key);
          return (
            <li key={key} className="credential-row">
              <label htmlFor={selectId}>{keyLabel(key)} connection</label>
              <select
                id={selectId}
                disabled={control.disabled}
                aria-invalid={control.errors.some((error) => error.pointer.startsWith(`${field.pointer}/${key}`)) || undefined}
                value={current}
                onChange={(event) => choose(key, event.target.value || undefined)}
              >
                <CredentialOptions loading={stored.isPending} choices={choices} current={current} />
              </select>
              <button type="button" className="secondary" disabled={control.disabled} onClick={() => setConnectingKey(key)}>
                Connect {keyLabel(key)}
              </button>
              {!stillListed && (
                <button
                  type="button"
                  className="secondary"
                  disabled={control.disabled}
                  aria-label={`Remove the ${keyLabel(key)} connection`}
                  onClick={() => choose(key, undefined)}
                >
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <LoadProblem failed={stored.isError} />
      {connectingKey !== null && (
        <ConnectCredentialDialog
          kind={kind}
          platform={connectingKey}
          platformLabel={keyLabel(connectingKey)}
          prefill={prefillFrom(control.form.value, control.form.fieldMap)}
          onClose={() => setConnectingKey(null)}
          onConnected={(credential) => {
            remember(credential);
            choose(connectingKey, credential.credential_ref);
            setConnectingKey(null);
          }}
        />
      )}
    </FieldGroup>
  );
}
