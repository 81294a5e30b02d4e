import { client } from './client';

// The credential APIs of cp-backend: secrets go in, only a reference comes back.

/** What a credential API answers: the reference and harmless facts, never a secret. */
export interface StoredCredential {
  credential_ref: string;
  platform?: string;
  posting_identity?: string;
  exchange_provider?: string;
  hint?: string;
  default_coin?: string;
  allowed_coins?: string[];
  created_at?: string;
  rotated_at?: string | null;
  last_used_at?: string | null;
}

export interface PlatformCredentialRequest {
  platform: string;
  posting_identity: string;
  access_token: string;
  refresh_token?: string;
}

export interface ExchangeSetupRequest {
  exchange_provider: string;
  api_key: string;
  api_secret: string;
  default_coin: string;
  allowed_coins: string[];
  max_units_per_order: number;
  max_notional_inr?: number;
}

/**
 * The credential APIs a definition's ui_hints may name. Only these are ever sent secrets: a
 * definition cannot point the browser's secrets anywhere else.
 */
export const CREDENTIAL_APIS = {
  '/api/cp/platform-credentials': 'platform',
  '/api/cp/exchange-setup': 'exchange',
} as const;

export type CredentialApiPath = keyof typeof CREDENTIAL_APIS;
export type CredentialKind = (typeof CREDENTIAL_APIS)[CredentialApiPath];

export function credentialKindOf(path: string | undefined): CredentialKind | undefined {
  return path && Object.hasOwn(CREDENTIAL_APIS, path) ? CREDENTIAL_APIS[path as CredentialApiPath] : undefined;
}

/** The GET of a credential API may answer a list, a wrapper with one, or one record. */
function storedCredentials(answer: unknown): StoredCredential[] {
  const isRecord = (value: unknown): value is StoredCredential =>
    Boolean(value) && typeof value === 'object' && typeof (value as StoredCredential).credential_ref === 'string';
  if (Array.isArray(answer)) {
    return answer.filter(isRecord);
  }
  if (isRecord(answer)) {
    return [answer];
  }
  if (answer && typeof answer === 'object') {
    const list = Object.values(answer).find(Array.isArray);
    return list ? list.filter(isRecord) : [];
  }
  return [];
}

export const credentialsApi = {
  credentials: async (api: CredentialApiPath) => storedCredentials(await client.get<unknown>(api)),

  connectPlatform: (request: PlatformCredentialRequest) =>
    client.put<StoredCredential>('/api/cp/platform-credentials', request),

  connectExchange: (request: ExchangeSetupRequest) => client.put<StoredCredential>('/api/cp/exchange-setup', request),
};
