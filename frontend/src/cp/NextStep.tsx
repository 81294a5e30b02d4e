import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../shared/ProblemAlert';
import { reasonText } from '../shared/reasons';
import type { NextStep as Step } from '../shared/reasons';
import { cpApi, cpQueryKeys } from './cpApi';
import type { MyAgentsSummary } from './cpApi';

/**
 * The control for a reason's next step: Finalize right here, or the tab / panel where the
 * customer can act (Configure, the plan's Subscribe). Steps with nothing to click render nothing.
 * An ended subscription has no plan to choose any more: its next step is hiring the agent again.
 */
export function NextStepAction({ reason, hiredInstanceId }: { reason: string | null | undefined; hiredInstanceId: string }) {
  const step: Step = reasonText(reason).step;
  const [, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const finalize = useMutation({
    mutationFn: () => cpApi.finalize(hiredInstanceId),
    onSuccess: (saved) => {
      queryClient.setQueryData(cpQueryKeys.hiredAgent(hiredInstanceId), saved);
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(hiredInstanceId) });
    },
  });
  const openTab = (tab: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('tab', tab);
      return next;
    });

  switch (step) {
    case 'finalize':
      return (
        <div className="next-step">
          {finalize.isSuccess ? (
            <p role="status">Finalized: the trial has started. Run the goal again when you are ready.</p>
          ) : (
            <button type="button" disabled={finalize.isPending} onClick={() => finalize.mutate()}>
              {finalize.isPending ? 'Finalizing…' : 'Finalize this agent'}
            </button>
          )}
          {finalize.isError && <ProblemAlert error={finalize.error} />}
        </div>
      );
    case 'configure':
      return (
        <button type="button" className="secondary" onClick={() => openTab('configure')}>
          Open Configure
        </button>
      );
    case 'subscribe':
      if (ended(queryClient.getQueryData<MyAgentsSummary>(cpQueryKeys.summary), hiredInstanceId)) {
        return (
          <Link className="button secondary" to="/hire">
            Hire this agent again
          </Link>
        );
      }
      return <SeePlans step={step} />;
    case 'change_budget':
      return <SeePlans step={step} />;
    default:
      return null;
  }
}

function ended(summary: MyAgentsSummary | undefined, hiredInstanceId: string): boolean {
  const status = summary?.instances.find((instance) => instance.hired_instance_id === hiredInstanceId)?.subscription_status;
  return status === 'cancelled' || status === 'ended';
}

function SeePlans({ step }: { step: 'subscribe' | 'change_budget' }) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        const plan = document.querySelector<HTMLElement>('.plan-panel');
        plan?.scrollIntoView?.({ block: 'center' });
        plan?.querySelector<HTMLButtonElement>('button')?.focus();
      }}
    >
      {step === 'subscribe' ? 'See plans' : 'Change budget'}
    </button>
  );
}
