import { childPointer, getAt } from './pointer';
import type { Violation } from './validate';

/**
 * A definition's `extra_rules`: what JSON Schema cannot say, as data. The form checks the rules
 * it knows so the customer sees them before saving; unknown rules are left to the server.
 */
export interface DefinitionRule {
  rule: string;
  message?: string;
  path?: string;
  in?: string;
  list?: string;
  except?: string[];
  object?: string;
  [field: string]: unknown;
}

export function checkDefinitionRules(rules: DefinitionRule[] | undefined, config: unknown): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules ?? []) {
    if (rule.rule === 'member_of' && rule.path && rule.in) {
      const value = getAt(config, rule.path);
      const options = getAt(config, rule.in);
      if (value !== undefined && Array.isArray(options) && !options.includes(value)) {
        violations.push({ pointer: rule.path, message: rule.message ?? `must be one of ${rule.in}` });
      }
    } else if (rule.rule === 'each_has_key' && rule.list && rule.object) {
      const list = getAt(config, rule.list);
      const object = getAt(config, rule.object);
      const keys = object && typeof object === 'object' ? Object.keys(object) : [];
      const except: unknown[] = Array.isArray(rule.except) ? rule.except : [];
      for (const key of Array.isArray(list) ? list : []) {
        if (typeof key === 'string' && !keys.includes(key) && !except.includes(key)) {
          violations.push({ pointer: childPointer(rule.object, key), message: rule.message ?? `${key} is missing` });
        }
      }
    } else if (rule.rule === 'iana_timezone' && rule.path) {
      const value = getAt(config, rule.path);
      if (typeof value === 'string' && value !== '' && !isTimeZone(value)) {
        violations.push({ pointer: rule.path, message: rule.message ?? 'must be an IANA time zone' });
      }
    }
  }
  return violations;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
