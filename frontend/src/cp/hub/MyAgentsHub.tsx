import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { usePageTitle } from '../../shared/usePageTitle';
import { confirmLeavingUnsaved } from '../../shared/unsavedChanges';
import { Link, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { Tabs } from '../../shared/Tabs';
import { ConfigureTab } from '../agentType/ConfigureTab';
import { GoalSettingTab } from '../agentType/GoalSettingTab';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, MyAgentsSummary } from '../cpApi';
import { ReviewTab } from '../review/ReviewTab';
import { AgentSelector } from './AgentSelector';
import { formatDate } from '../../shared/format';
import { isBeyondRetention } from './instanceStatus';
import { PlanPanel } from './PlanPanel';
import { SummaryCard } from './SummaryCard';

// Selection and tab live in the URL (?agent=<hired_instance_id>&tab=<tab>): deep-linkable,
// shareable between tabs of the browser, and they survive a reload.
const AGENT_PARAM = 'agent';
const TAB_PARAM = 'tab';

const TABS = [
  { id: 'configure', label: 'Configure' },
  { id: 'goals', label: 'Goal Setting' },
  { id: 'review', label: 'Review' },
];

function defaultInstance(summary: MyAgentsSummary): AgentInstanceSummary | undefined {
  return summary.instances.find((instance) => instance.hired_instance_id === summary.selected) ?? summary.instances[0];
}

export function MyAgentsHub() {
  const summary = useQuery({ queryKey: cpQueryKeys.summary, queryFn: cpApi.myAgentsSummary });
  const [params, setParams] = useSearchParams();
  const requestedId = params.get(AGENT_PARAM);
  const fallback = summary.data ? defaultInstance(summary.data) : undefined;
  // Agent types' display names for the selector and the summary (the catalog lists them).
  const catalog = useQuery({ queryKey: cpQueryKeys.agentTypes, queryFn: cpApi.agentTypes, staleTime: 5 * 60_000 });
  const typeNames = useMemo(
    () =>
      Object.fromEntries((catalog.data?.agent_types ?? []).map((type) => [type.agent_type_id, type.display_name])) as Record<
        string,
        string
      >,
    [catalog.data],
  );
  // The backend remembers the instance opened last, so the hub reopens it next time.
  const rememberSelection = useMutation({ mutationFn: cpApi.selectInstance });
  const remembered = useRef<string | null>(null);
  const openedId = requestedId ?? fallback?.hired_instance_id ?? null;
  const openedKnown = Boolean(openedId && summary.data?.instances.some((i) => i.hired_instance_id === openedId));
  useEffect(() => {
    if (openedId && openedKnown && remembered.current !== openedId) {
      remembered.current = openedId;
      rememberSelection.mutate(openedId);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openedId, openedKnown]);
  const openedInstance = summary.data?.instances.find((i) => i.hired_instance_id === openedId);
  const tabParam = params.get(TAB_PARAM);
  const tabLabel = TABS.find((candidate) => candidate.id === tabParam)?.label ?? TABS[0].label;
  usePageTitle(openedInstance ? `${tabLabel} · ${openedInstance.nickname}` : 'My agents');

  // Without ?agent= the default choice is written to the URL, so what is shown is always linkable.
  useEffect(() => {
    if (!requestedId && fallback) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(AGENT_PARAM, fallback.hired_instance_id);
          return next;
        },
        { replace: true },
      );
    }
  }, [requestedId, fallback, setParams]);

  function updateParam(name: string, value: string) {
    if (!confirmLeavingUnsaved()) {
      return;
    }
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(name, value);
      return next;
    });
  }

  if (summary.isPending) {
    return <Loading label="Loading your agents" />;
  }
  if (summary.isError) {
    return <ProblemAlert error={summary.error} onRetry={() => summary.refetch()} />;
  }
  const instances = summary.data.instances ?? [];
  if (instances.length === 0) {
    return (
      <EmptyState title="You have not hired any agents yet.">
        <p className="muted">Once you hire an agent it appears here, ready to configure.</p>
        <p>
          <Link to="/hire">Hire an agent</Link>
        </p>
      </EmptyState>
    );
  }

  const selected = requestedId ? instances.find((instance) => instance.hired_instance_id === requestedId) : fallback;
  const tab = TABS.some((candidate) => candidate.id === params.get(TAB_PARAM)) ? params.get(TAB_PARAM)! : TABS[0].id;

  return (
    <div className="hub">
      <div className="hub-head">
        <AgentSelector
          typeNames={typeNames}
          instances={instances}
          selectedId={selected?.hired_instance_id ?? null}
          onSelect={(hiredInstanceId) => updateParam(AGENT_PARAM, hiredInstanceId)}
        />
        <Link to="/hire" className="button-link">
          Hire an agent
        </Link>
      </div>
      {!selected ? (
        <p role="alert" className="alert alert-info">
          The agent in this link is not one of your hired agents. Choose one above.
        </p>
      ) : (
        <>
          <SummaryCard instance={selected} typeNames={typeNames} />
          <PlanPanel key={`plan-${selected.hired_instance_id}`} instance={selected} />
          <Tabs
            key={selected.hired_instance_id}
            label={`Manage ${selected.nickname}`}
            tabs={TABS}
            selectedId={tab}
            onSelect={(tabId) => updateParam(TAB_PARAM, tabId)}
            disabledReason={
              isBeyondRetention(selected)
                ? `This subscription has ended and its data was kept only until ${formatDate(
                    selected.retention_until!,
                  )}, so it can no longer be configured, given goals or reviewed. Hire the agent again to continue.`
                : undefined
            }
            renderPanel={(tabId) =>
              tabId === 'configure' ? (
                <ConfigureTab instance={selected} />
              ) : tabId === 'goals' ? (
                <GoalSettingTab instance={selected} />
              ) : (
                <ReviewTab instance={selected} />
              )
            }
          />
        </>
      )}
    </div>
  );
}
