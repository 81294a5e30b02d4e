import type { Definition, Operator, ValidationReport } from '../ppApi';
import { ppSession } from '../ppApi';

export const operators = {
  admin: { operator_id: 'op-1', email: 'ops@myagents.local', display_name: 'Ops Admin', roles: ['admin'] },
  support: { operator_id: 'op-2', email: 'support@myagents.local', display_name: 'Support Desk', roles: ['support'] },
  auditor: { operator_id: 'op-3', email: 'auditor@myagents.local', display_name: 'Auditor', roles: ['auditor'] },
} satisfies Record<string, Operator>;

export function signedInAs(role: keyof typeof operators): void {
  ppSession.start({ access_token: `pp-${role}-token`, token_type: 'Bearer', expires_in: 3600 }, operators[role]);
}

export const AGENT_TYPE_ID = 'marketing.healthcare.v1';

export function definition(overrides: Partial<Definition> = {}): Definition {
  return {
    agent_type_id: AGENT_TYPE_ID,
    version: '1.0.0',
    status: 'published',
    display_name: 'Digital Marketing Agent (Healthcare)',
    description: 'Drafts multichannel posts.',
    config_schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['nickname'],
      properties: { nickname: { type: 'string' }, theme: { type: 'string', enum: ['teal', 'indigo'] } },
    },
    ui_hints: {
      nickname: { label: 'Agent nickname', widget: 'text' },
      theme: { label: 'Theme', widget: 'enum' },
    },
    goal_templates: [
      {
        goal_template_id: 'marketing.weekly_multichannel_batch',
        skill_binding: 'marketing.multichannel_batch',
        default_frequency: 'weekly',
        allowed_frequencies: ['weekly'],
      },
    ],
    enforcement_defaults: { approval_required: true, trial_days: 7 },
    extra_rules: [],
    created_at: '2025-01-01T08:00:00Z',
    created_by: 'seed',
    published_at: '2025-01-01T08:00:00Z',
    ...overrides,
  };
}

export function draftDefinition(overrides: Partial<Definition> = {}): Definition {
  return definition({
    version: '1.1.0',
    status: 'draft',
    created_at: '2025-02-01T08:00:00Z',
    created_by: 'op-1',
    published_at: null,
    ...overrides,
  });
}

export function report(overrides: Partial<ValidationReport> = {}): ValidationReport {
  return {
    agent_type_id: AGENT_TYPE_ID,
    version: '1.1.0',
    status: 'draft',
    valid: true,
    errors: [],
    compared_with: '1.0.0',
    breaking_changes: [],
    affected_instances: [],
    instances_checked: 2,
    ...overrides,
  };
}

export const draftPath = `/agent-types/${AGENT_TYPE_ID}/versions/1.1.0`;
export const draftApi = `/api/pp/agent-types/${AGENT_TYPE_ID}/versions/1.1.0`;

/** Why enforcement refused an execution that named no approval: its reason, detail and inputs. */
export const approvalMissing = {
  reason: 'approval_missing',
  detail: 'no approval_id given',
  inputs: { approval_id: 'none' },
};
