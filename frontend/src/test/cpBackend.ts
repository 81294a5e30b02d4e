import { twoAgents } from './cpFixtures';
import { marketingDefinition, tradingDefinition } from './definitions';
import { json } from './http';
import type { Handler } from './http';

/** What the hub reads before any tab: the customer's two agents and both their agent types. */
export function hubRoutes(): Record<string, Handler> {
  return {
    'GET /api/cp/my-agents/summary': json(200, twoAgents),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
    'GET /api/cp/agent-types/trading.delta_futures.v1': json(200, tradingDefinition),
  };
}
