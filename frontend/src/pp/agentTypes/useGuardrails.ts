import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ppApi } from '../ppApi';
import type { ValidationReport } from '../ppApi';
import { useDebounced } from '../useDebounced';

/**
 * The guardrail report of one saved version, kept while a newer check runs (no flicker) and
 * never overwritten by an older check that answers late.
 */
export function useGuardrails(agentTypeId: string, version: string, debounceMs: number) {
  const [report, setReport] = useState<ValidationReport | undefined>(undefined);
  const sequence = useRef(0);
  const validation = useMutation({
    mutationFn: async () => {
      const mine = ++sequence.current;
      return { mine, report: await ppApi.validate(agentTypeId, version) };
    },
    onSuccess: ({ mine, report: answered }) => {
      if (mine === sequence.current) {
        setReport(answered);
      }
    },
  });
  const check = () => validation.mutate();
  const checkSoon = useDebounced(check, debounceMs);
  return {
    report,
    checking: validation.isPending,
    error: validation.isError ? validation.error : null,
    check,
    checkSoon,
  };
}
