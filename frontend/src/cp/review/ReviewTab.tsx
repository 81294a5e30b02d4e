import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { humanize } from '../../shared/format';
import { ChoiceButtons } from '../../shared/ChoiceButtons';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, DeliverableFilters, Goal, GoalTemplate } from '../cpApi';
import { templateName } from '../agentType/GoalEditor';
import { useAgentType, useHiredAgent } from '../agentType/useAgentType';
import { BatchReview, selectedDrafts } from './BatchReview';
import { DraftCard } from './DraftCard';
import { DraftDetail } from './DraftDetail';
import { bySlot, isReviewable, planBlockedReason, platformOf, REVIEW_STATES, stateLabel, weekOf } from './deliverableView';
import { platformName } from '../../shared/platforms';
import { ReviewCalendar } from './ReviewCalendar';
import { ScheduleCalendar } from './ScheduleCalendar';

type View = 'list' | 'calendar' | 'campaign';

function goalLabel(goal: Goal, templates: GoalTemplate[]): string {
  const template = templates.find((candidate) => candidate.goal_template_id === goal.goal_template_id);
  return `${templateName(template, goal.goal_template_id)} (${humanize(goal.frequency)}${goal.time_of_day ? ` ${goal.time_of_day}` : ''})`;
}

/**
 * The drafts of the selected agent: filters (state, goal, platform), a list, a week/month
 * calendar of scheduled and published posts or a campaign pack by week, a detail panel to approve or reject with notes, batch approval, and Execute.
 */
export function ReviewTab({ instance }: { instance: AgentInstanceSummary }) {
  const hiredInstanceId = instance.hired_instance_id;
  const [filters, setFilters] = useState<DeliverableFilters>({});
  const [view, setView] = useState<View>('list');
  const [openId, setOpenId] = useState<string | null>(null);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const seenPlatforms = useRef(new Set<string>());

  const drafts = useQuery({
    queryKey: cpQueryKeys.deliverablesFiltered(hiredInstanceId, filters),
    queryFn: () => cpApi.deliverables(hiredInstanceId, filters),
    placeholderData: keepPreviousData,
  });
  // Goals and the definition only label the goal filter; the tab works without them.
  const goals = useQuery({ queryKey: cpQueryKeys.goals(hiredInstanceId), queryFn: () => cpApi.goals(hiredInstanceId) });
  const definition = useAgentType(instance);
  // Times are shown on the agent's clock: its timezone is in its config (the summary may carry it).
  const hired = useHiredAgent(hiredInstanceId);
  const configuredZone = hired.data?.config?.timezone;
  const timeZone = instance.timezone ?? (typeof configuredZone === 'string' ? configuredZone : undefined);
  const templates = definition.data?.goal_templates ?? [];
  const goalList = goals.data?.goals ?? [];

  // In the order they go out, as a scheduler lists them.
  const items = [...(drafts.data?.deliverables ?? [])].sort(bySlot);
  items.forEach((deliverable) => {
    const platform = platformOf(deliverable);
    if (platform) {
      seenPlatforms.current.add(platform);
    }
  });
  const platforms = [...seenPlatforms.current].sort();
  const hasCalendar = items.some((deliverable) => weekOf(deliverable) !== undefined);
  const shownView: View = hasCalendar || view !== 'campaign' ? view : 'list';
  const reviewable = items.filter((deliverable) => isReviewable(deliverable) && !planBlockedReason(deliverable));
  const selected = selectedDrafts(reviewable, selectedIds);
  const open = items.find((deliverable) => deliverable.deliverable_id === openId);
  const nameOfGoal = (goalInstanceId?: string) => {
    const goal = goalList.find((candidate) => candidate.goal_instance_id === goalInstanceId);
    return goal ? templateName(templates.find((template) => template.goal_template_id === goal.goal_template_id), goal.goal_template_id) : undefined;
  };
  const filtered = Boolean(filters.state || filters.goal_instance_id || filters.platform);

  function setFilter(name: keyof DeliverableFilters, value: string) {
    setFilters((current) => {
      const next = { ...current };
      if (value) {
        next[name] = value;
      } else {
        delete next[name];
      }
      return next;
    });
  }

  /** A filter select's value and change handler, bound to one filter. */
  const filterOn = (name: keyof DeliverableFilters) => ({
    value: filters[name] ?? '',
    onChange: (value: string) => setFilter(name, value),
  });
  const stateChoices = REVIEW_STATES.map((state) => ({ value: state, label: stateLabel(state) }));
  const goalChoices = goalList.map((goal) => ({ value: goal.goal_instance_id, label: goalLabel(goal, templates) }));
  const platformChoices = platforms.map((platform) => ({ value: platform, label: platformName(platform) }));

  function toggleSelected(deliverableId: string, isSelected: boolean) {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (isSelected) {
        next.add(deliverableId);
      } else {
        next.delete(deliverableId);
      }
      return next;
    });
  }

  return (
    <div className="review">
      <div className="review-toolbar">
        <div className="filters" role="group" aria-label="Filter drafts">
          <FilterSelect label="State" any="All states" options={stateChoices} {...filterOn('state')} />
          <FilterSelect label="Goal" any="All goals" options={goalChoices} {...filterOn('goal_instance_id')} />
          {(platforms.length > 0 || filters.platform) && (
            <FilterSelect label="Platform" any="All platforms" options={platformChoices} {...filterOn('platform')} />
          )}
        </div>
        <div className="button-row">
          <ChoiceButtons
            label="View"
            className="view-switch button-row"
            options={hasCalendar ? (['list', 'calendar', 'campaign'] as const) : (['list', 'calendar'] as const)}
            selected={shownView}
            labelOf={(option) => (option === 'list' ? 'List' : option === 'calendar' ? 'Calendar' : 'Campaign weeks')}
            onSelect={setView}
          />
          <button type="button" className="secondary" disabled={drafts.isFetching} onClick={() => void drafts.refetch()}>
            {drafts.isFetching && !drafts.isPending ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>

      <BatchReview
        hiredInstanceId={hiredInstanceId}
        selected={selected}
        onClear={() => setSelectedIds(new Set())}
        onApproved={(approvedIds) =>
          setSelectedIds((current) => new Set([...current].filter((id) => !approvedIds.includes(id))))
        }
      />

      {drafts.isPending ? (
        <Loading label="Loading drafts" />
      ) : drafts.isError ? (
        <ProblemAlert error={drafts.error} onRetry={() => drafts.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No drafts match these filters." />
        ) : (
          <EmptyState title={`No drafts for ${instance.nickname} yet.`}>
            <p className="muted">Drafts appear here when one of its goals runs.</p>
          </EmptyState>
        )
      ) : (
        <>
          {reviewable.length > 1 && (
            <label className="checkbox-label select-all">
              <input
                type="checkbox"
                checked={selected.length === reviewable.length}
                onChange={(event) =>
                  setSelectedIds(new Set(event.target.checked ? reviewable.map((draft) => draft.deliverable_id) : []))
                }
              />
              Select all {reviewable.length} drafts awaiting review
            </label>
          )}
          <div className={`review-body${open ? ' with-detail' : ''}`}>
            <div className="review-main">
              {shownView === 'calendar' ? (
                <ScheduleCalendar deliverables={items} timeZone={timeZone} openId={openId} onOpen={setOpenId} />
              ) : shownView === 'campaign' ? (
                <ReviewCalendar deliverables={items} openId={openId} onOpen={setOpenId} />
              ) : (
                <ul className="plain-list drafts" aria-label={`Drafts of ${instance.nickname}`}>
                  {items.map((deliverable) => (
                    <DraftCard
                      key={deliverable.deliverable_id}
                      deliverable={deliverable}
                      hiredInstanceId={hiredInstanceId}
                      goalName={nameOfGoal(deliverable.goal_instance_id ?? undefined)}
                      selected={selectedIds.has(deliverable.deliverable_id)}
                      onSelectedChange={(isSelected) => toggleSelected(deliverable.deliverable_id, isSelected)}
                      plan={instance.plan}
                      detailOpen={openId === deliverable.deliverable_id}
                      onOpenDetail={() => setOpenId(deliverable.deliverable_id)}
                    />
                  ))}
                </ul>
              )}
            </div>
            {open && (
              <DraftDetail
                key={open.deliverable_id}
                deliverable={open}
                hiredInstanceId={hiredInstanceId}
                goalName={nameOfGoal(open.goal_instance_id ?? undefined)}
                withExecute={shownView !== 'list'}
                plan={instance.plan}
                timeZone={timeZone}
                onClose={() => setOpenId(null)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** One filter of the draft list: "any" (blank) or one of its options. */
function FilterSelect({
  label,
  value,
  any,
  options,
  onChange,
}: {
  label: string;
  value: string;
  any: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
