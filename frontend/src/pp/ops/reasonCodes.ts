/**
 * Enforcement's reason codes (contracts' ReasonCode): the filter offers them, the backend checks
 * them. New codes appear here when the contract grows; the lists still show any code they get.
 */
export const REASON_CODES = [
  'allowed',
  'malformed_request',
  'unknown_action',
  'approval_missing',
  'approval_not_found',
  'approval_mismatch',
  'approval_rejected',
  'approval_expired',
  'payload_changed',
  'already_executed',
  'action_not_proposed',
  'subscription_unknown',
  'subscription_inactive',
  'trial_ended',
  'trial_cap_exceeded',
  'trial_action_not_allowed',
  'budget_exceeded',
  'risk_check_failed',
  'signature_invalid',
] as const;
