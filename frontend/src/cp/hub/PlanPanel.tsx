import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { isApiProblem } from '../../shared/api';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { formatDate, formatMoney, fromMinor, toMinor } from '../../shared/format';
import { approvalLifetimeText } from '../review/approvalLifetime';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, HiredAgent } from '../cpApi';
import { Fact } from '../../shared/Fact';

type Dialog = 'subscribe' | 'budget' | 'cancel' | null;

/** Whether the customer can move this instance onto a paid plan now. */
export function canSubscribe(instance: AgentInstanceSummary): boolean {
  // a cancelled subscription is read-only until its data is deleted: the agent is hired again instead
  if (instance.plan === 'paid' || instance.subscription_status === 'cancelled') {
    return false;
  }
  return (
    instance.plan === 'trial' ||
    instance.trial_status === 'not_eligible' ||
    instance.trial_status === 'ended' ||
    instance.trial_status === 'expired' ||
    instance.plan === 'none'
  );
}

/**
 * A cancelled subscription in words: when it ended, that it is read-only, and until when its data
 * is kept (in the agent's timezone, the one its schedule uses).
 */
export function endedText(instance: AgentInstanceSummary): string {
  const zone = instance.timezone;
  const ended = instance.ended_at ? `Ended on ${formatDate(instance.ended_at, zone)}, read-only` : 'Ended, read-only';
  const kept = instance.retention_until
    ? `; data kept until ${formatDate(instance.retention_until, zone)}, then deleted.`
    : '.';
  return `${ended}${kept} Runs and executions have stopped; hire the agent again to put it back to work.`;
}

function planName(instance: AgentInstanceSummary): string {
  if (instance.subscription_status === 'cancelled') {
    return 'Cancelled';
  }
  if (instance.plan === 'paid') {
    return 'Paid plan';
  }
  if (instance.trial_status === 'not_eligible') {
    return 'No plan — the free trial was already used';
  }
  if (instance.plan === 'trial') {
    return instance.trial_status === 'ended' || instance.trial_status === 'expired' ? 'Free trial (ended)' : 'Free trial';
  }
  return 'No plan';
}

/**
 * The instance's plan: trial or paid, this month's spend against its budget, and the three
 * lifecycle actions — subscribe (choosing a monthly budget), change the budget, cancel. Shown
 * only when the backend reports the plan.
 */
export function PlanPanel({ instance }: { instance: AgentInstanceSummary }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  // A dialog closed unconfirmed forgets its request's outcome, so it opens clean next time.
  const closeDialog = (request: { reset: () => void }) => {
    request.reset();
    setDialog(null);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const currency = instance.currency ?? 'INR';
  const max = instance.max_budget_minor_per_month ?? 0;
  const budget = instance.budget_minor_per_month ?? null;
  const spent = instance.month_spend_minor ?? 0;
  const cancelled = instance.subscription_status === 'cancelled';

  function applied(updated: HiredAgent | undefined, message: string) {
    setDialog(null);
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.hiredAgent(instance.hired_instance_id) });
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(instance.hired_instance_id) });
    return updated;
  }

  const subscribe = useMutation({
    mutationFn: (minor: number) => cpApi.subscribe(instance.subscription_id, { budget_minor_per_month: minor }),
    onSuccess: (updated, minor) =>
      applied(updated, `Subscribed. ${instance.nickname} can spend up to ${formatMoney(minor, currency)} a month.`),
  });
  const changeBudget = useMutation({
    mutationFn: (minor: number) => cpApi.changeBudget(instance.subscription_id, { budget_minor_per_month: minor }),
    onSuccess: (updated, minor) => applied(updated, `Budget changed to ${formatMoney(minor, currency)} a month.`),
  });
  const cancel = useMutation({
    mutationFn: () => cpApi.cancelSubscription(instance.subscription_id),
    onSuccess: (updated) =>
      applied(
        updated,
        `Subscription cancelled. Runs and executions have stopped${
          updated?.retention_until ? `; your data is kept until ${formatDate(updated.retention_until, instance.timezone)}` : ''
        }.`,
      ),
  });

  if (instance.plan === undefined) {
    return null;
  }
  return (
    <section className="card plan-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Plan</h3>
      <dl className="facts">
        <Fact name="Plan">{planName(instance)}</Fact>
        {instance.plan === 'paid' && budget !== null && (
          <>
            <Fact name="Monthly budget">{formatMoney(budget, currency)}</Fact>
            <Fact name="Spent this month">{formatMoney(spent, currency)}</Fact>
            <Fact name="Left this month">{formatMoney(Math.max(0, budget - spent), currency)}</Fact>
          </>
        )}
        {instance.plan === 'trial' && spent > 0 && (
          <Fact name="Spent in the trial">{formatMoney(spent, currency)}</Fact>
        )}
        {!cancelled && (instance.approval_ttl_hours ?? 0) > 0 && (
          <Fact name="Approvals">{approvalLifetimeText(instance.approval_ttl_hours!)}</Fact>
        )}
      </dl>
      {cancelled && <p className="alert alert-info ended-note">{endedText(instance)}</p>}
      {instance.trial_status === 'not_eligible' && !cancelled && (
        <p className="alert alert-info">
          You already had a free trial of this agent, so it runs only on a paid plan. Subscribe to let it run.
        </p>
      )}
      {notice && (
        <p role="status" className="alert alert-success">
          {notice}
        </p>
      )}
      <div className="button-row">
        {canSubscribe(instance) && (
          <button type="button" onClick={() => setDialog('subscribe')}>
            Subscribe
          </button>
        )}
        {instance.plan === 'paid' && !cancelled && (
          <button type="button" className="secondary" onClick={() => setDialog('budget')}>
            Change budget
          </button>
        )}
        {!cancelled && (
          <button type="button" className="secondary danger" onClick={() => setDialog('cancel')}>
            Cancel subscription
          </button>
        )}
      </div>
      {dialog === 'subscribe' && (
        <BudgetDialog
          title={`Subscribe to ${instance.nickname}`}
          confirmLabel="Subscribe"
          maxMinor={max}
          currency={currency}
          save={subscribe}
          terms={
            <p>
              You pay for what the agent does, up to the monthly budget you choose (at most {formatMoney(max, currency)}).
              When the budget is used up, the agent waits until next month. You can change the budget or cancel at any
              time.
            </p>
          }
          onCancel={() => closeDialog(subscribe)}
        />
      )}
      {dialog === 'budget' && (
        <BudgetDialog
          title="Change the monthly budget"
          confirmLabel="Save budget"
          initialMinor={budget ?? max}
          maxMinor={max}
          currency={currency}
          save={changeBudget}
          terms={<p>Spent so far this month: {formatMoney(spent, currency)}.</p>}
          onCancel={() => closeDialog(changeBudget)}
        />
      )}
      {dialog === 'cancel' && (
        <ConfirmDialog
          title={`Cancel the subscription of ${instance.nickname}?`}
          confirmLabel="Cancel subscription"
          cancelLabel="Keep it"
          danger
          busy={cancel.isPending}
          onConfirm={() => cancel.mutate()}
          onCancel={() => closeDialog(cancel)}
        >
          <p>
            Its goals stop running and no draft is published or executed any more. Your configuration, goals and drafts
            are kept (read-only) for the retention period, then deleted.
          </p>
          {cancel.isError && <ProblemAlert error={cancel.error} />}
        </ConfirmDialog>
      )}
    </section>
  );
}

function BudgetDialog({
  title,
  confirmLabel,
  maxMinor,
  initialMinor = maxMinor,
  currency,
  save,
  terms,
  onCancel,
}: {
  title: string;
  confirmLabel: string;
  /** The amount offered at first (default: the maximum). */
  initialMinor?: number;
  maxMinor: number;
  currency: string;
  /** Saves the chosen monthly budget, in minor units. */
  save: UseMutationResult<unknown, Error, number>;
  terms: ReactNode;
  onCancel: () => void;
}) {
  const { isPending: busy, error } = save;
  const onConfirm = (minor: number) => save.mutate(minor);
  const inputId = useId();
  const errorId = useId();
  const [amount, setAmount] = useState(String(fromMinor(initialMinor, currency)));
  const parsed = Number(amount);
  const minor = Number.isFinite(parsed) ? toMinor(parsed, currency) : NaN;
  const localError =
    amount.trim() === '' || !Number.isFinite(minor)
      ? 'Enter an amount.'
      : minor <= 0
        ? 'The budget must be more than zero.'
        : maxMinor > 0 && minor > maxMinor
          ? `The budget can be at most ${formatMoney(maxMinor, currency)} a month.`
          : null;
  const serverFieldError = isApiProblem(error)
    ? error.errors.find((violation) => (violation.pointer ?? violation.field ?? '').includes('budget_minor_per_month'))
    : undefined;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={busy ? 'Saving…' : confirmLabel}
      busy={busy}
      confirmDisabled={localError !== null}
      onConfirm={() => onConfirm(minor)}
      onCancel={onCancel}
    >
      {terms}
      <label htmlFor={inputId}>Monthly budget ({currency})</label>
      <input
        id={inputId}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={amount}
        aria-invalid={localError !== null || serverFieldError !== undefined}
        aria-describedby={localError || serverFieldError ? errorId : undefined}
        onChange={(event) => setAmount(event.target.value)}
      />
      {(localError || serverFieldError) && (
        <p id={errorId} className="field-errors">
          {localError ?? serverFieldError?.message}
        </p>
      )}
      {error !== null && error !== undefined && !serverFieldError && <ProblemAlert error={error} />}
    </ConfirmDialog>
  );
}
