/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENFORCEMENT_REASONS, problemHeadline, reasonSentence, reasonText, RUN_REASONS } from './reasons';

// The contract is the Java ReasonCode record's constants; reading it here means a new code without a sentence fails this test.
// Vitest runs from frontend/ (npm test, the Maven build), beside contracts/.
const REASON_CODE_JAVA = resolve(
  process.cwd(),
  '../contracts/src/main/java/com/myagents/contracts/execution/ReasonCode.java',
);

function contractCodes(): string[] {
  const source = readFileSync(REASON_CODE_JAVA, 'utf8');
  return [...source.matchAll(/new ReasonCode\("([a-z_]+)"\)/g)].map((match) => match[1]);
}

describe('reason texts', () => {
  it('has a customer sentence for every ReasonCode of the contracts', () => {
    const codes = contractCodes();
    expect(codes.length).toBeGreaterThan(15);
    const missing = codes.filter((code) => !ENFORCEMENT_REASONS[code] && !RUN_REASONS[code]);
    expect(missing).toEqual([]);
  });

  it('never shows the code itself, an id or developer words', () => {
    for (const [code, reason] of Object.entries({ ...ENFORCEMENT_REASONS, ...RUN_REASONS })) {
      const sentence = `${reason.text} ${reason.next}`;
      expect(sentence).not.toContain(code.includes('_') ? code : '\u0000');
      expect(sentence).not.toMatch(/approval_id|payload|enforcement|correlation|null|undefined/i);
      expect(reason.text).toMatch(/[.!]$/);
    }
  });

  it('gives the next step with the reason: finalize before the trial starts', () => {
    expect(reasonText('not_finalized')).toMatchObject({ step: 'finalize' });
    expect(reasonSentence('not_finalized')).toContain('Finalize this agent to start its trial');
    expect(reasonText('trial_ended').step).toBe('subscribe');
  });

  it('turns an unknown code into a plain sentence rather than the code', () => {
    expect(reasonSentence('brand_new_code')).not.toContain('brand_new_code');
  });

  it('maps problem titles to sentences', () => {
    expect(problemHeadline({ status: 409, title: 'Conflict' })).toBe("That can't be done right now.");
    expect(problemHeadline({ status: 400, title: 'Bad Request' })).toBe('Some details need fixing.');
    expect(problemHeadline({ status: 403, title: 'Forbidden', reason: 'trial_ended' })).toBe('The free trial has ended.');
    expect(problemHeadline({ status: 409, title: 'Not ready to finalize' })).toBe('Not ready to finalize');
  });
});
