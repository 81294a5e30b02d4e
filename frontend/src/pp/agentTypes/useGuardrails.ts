import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ppApi } from '../ppApi';
import type { ValidationReport } from '../ppApi';
import { useDebounced } from '../useDebounced';

/**
 * The guardrail report of one saved version, kept while a newer check runs (no flicker) and
 * never overwritten by an older check that answers late. Each report remembers which save
 * (`revision`) it checked, so a report from before the last save never passes for the current one.
 */
export function useGuardrails(agentTypeId: string, version: string, debounceMs: number) {
  const [checked, setChecked] = useState<{ report: ValidationReport; revision: number } | undefined>(undefined);
  const sequence = useRef(0);
  const latestRevision = useRef(0);
  const validation = useMutation({
    mutationFn: async (revision: number) => {
      const mine = ++sequence.current;
      return { mine, revision, report: await ppApi.validate(agentTypeId, version) };
    },
    onSuccess: ({ mine, revision, report }) => {
      if (mine === sequence.current) {
        setChecked({ report, revision });
      }
    },
  });
  const check = () => validation.mutate(latestRevision.current);
  const checkLater = useDebounced(check, debounceMs);
  return {
    report: checked?.report,
    /** The save the report checked; compare with the editor's latest save. */
    reportRevision: checked?.revision,
    checking: validation.isPending,
    error: validation.isError ? validation.error : null,
    check,
    /** Checks save `revision` soon: a burst of saves becomes one validation. */
    checkSoon: (revision: number) => {
      latestRevision.current = revision;
      checkLater();
    },
  };
}
