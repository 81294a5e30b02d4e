import { agentsApi } from './api/agents';
import { credentialsApi } from './api/credentials';
import { deliverablesApi } from './api/deliverables';
import { goalsApi } from './api/goals';
import { mediaApi } from './api/media';

// The customer app's API, one object for the pages: the client core (api/client.ts) and one
// file per group of endpoints (api/*.ts). Plant's payload types (api/plantTypes.ts) derive from
// Plant's OpenAPI document; cp-backend's own answers are typed in api/cpTypes.ts.

export { cpSession } from './api/client';
export * from './api/cpTypes';
export * from './api/plantTypes';
export * from './api/credentials';
export type { DeliverableFilters } from './api/deliverables';
export type { MediaAsset } from './api/media';
export { cpQueryKeys } from './api/queryKeys';

export const cpApi = {
  ...agentsApi,
  ...goalsApi,
  ...deliverablesApi,
  ...credentialsApi,
  ...mediaApi,
};
