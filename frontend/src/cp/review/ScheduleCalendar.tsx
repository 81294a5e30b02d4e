import { useState } from 'react';
import { ChoiceButtons } from '../../shared/ChoiceButtons';
import { ColumnHeads } from '../../shared/ColumnHeads';
import { platformName } from '../../shared/platforms';
import { reasonText } from '../../shared/reasons';
import type { Deliverable } from '../cpApi';
import {
  addDays,
  addMonths,
  dayKeyOf,
  dayLabel,
  longDayLabel,
  monthLabel,
  monthWeeks,
  sameMonth,
  timeOfDay,
  weekDays,
  weekLabel,
} from './calendarDates';
import { effectiveState, orderSummaryOf, platformOf, postTextOf, stateLabel, titleOf } from './deliverableView';

export type CalendarRange = 'week' | 'month';

/** A post on the calendar: going out at its slot, or gone out (for real or as a dry run). */
export interface CalendarEntry {
  deliverable: Deliverable;
  /** The instant it goes out (scheduled) or went out (published, dry run, failed). */
  at: string;
  state: 'scheduled' | 'executed' | 'dry_run' | 'failed' | 'denied';
}

const SHORT_STATE: Record<CalendarEntry['state'], string> = {
  scheduled: 'Scheduled',
  executed: 'Published',
  dry_run: 'Dry run',
  failed: 'Failed',
  denied: 'Not sent',
};

/**
 * The queue's attempt at a scheduled draft, when there was one since it was scheduled: a denied
 * attempt leaves the draft "scheduled", and the calendar must not keep saying it will go out.
 */
function deniedSinceScheduled(deliverable: Deliverable) {
  const last = deliverable.last_execution;
  const when = last?.requested_at ?? last?.decided_at;
  if (last?.status !== 'denied' || !when) {
    return undefined;
  }
  const scheduledAt = deliverable.updated_at ? Date.parse(deliverable.updated_at) : Number.NaN;
  return Number.isNaN(scheduledAt) || Date.parse(when) >= scheduledAt ? last : undefined;
}

function entryLabel(entry: CalendarEntry): string {
  if (entry.state === 'denied') {
    return `Not sent: ${reasonText(entry.deliverable.last_execution?.reason).text}`;
  }
  return stateLabel(entry.state, entry.deliverable);
}

function validInstant(value: string | null | undefined): string | undefined {
  return value && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/**
 * The drafts that belong on a calendar, each at its time: scheduled ones at their slot (marked not
 * sent when the queue's attempt was denied), carried-out
 * ones when the connector finished (else when enforcement decided, else their slot). Drafts still
 * waiting for review, or approved without a time, have no place on it yet.
 */
export function calendarEntriesOf(deliverables: Deliverable[]): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const deliverable of deliverables) {
    const state = effectiveState(deliverable);
    if (state === 'scheduled') {
      const at = validInstant(deliverable.scheduled_for);
      if (at) {
        entries.push({ deliverable, at, state: deniedSinceScheduled(deliverable) ? 'denied' : state });
      }
      continue;
    }
    if (state === 'executed' || state === 'dry_run' || state === 'failed') {
      const execution = deliverable.last_execution;
      const at =
        validInstant(execution?.result?.completed_at) ??
        validInstant(execution?.decided_at) ??
        validInstant(execution?.requested_at) ??
        validInstant(deliverable.scheduled_for) ??
        validInstant(deliverable.updated_at);
      if (at) {
        entries.push({ deliverable, at, state });
      }
    }
  }
  return entries.sort((left, right) => Date.parse(left.at) - Date.parse(right.at));
}

/** What goes out, in a few words: "LinkedIn · Flu shots are here…" or "LinkedIn · buy 2 BTCUSD". */
function entrySummary(deliverable: Deliverable): string {
  const platform = platformName(platformOf(deliverable));
  const what = postTextOf(deliverable) ?? orderSummaryOf(deliverable) ?? titleOf(deliverable);
  const chars = [...what];
  const short = chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : what;
  return platform ? `${platform} · ${short}` : short;
}

/**
 * The scheduled and published posts of the agent on a week or month calendar, in the customer's
 * timezone; each post opens its detail.
 */
export function ScheduleCalendar({
  deliverables,
  timeZone,
  openId,
  onOpen,
  today,
}: {
  deliverables: Deliverable[];
  /** The agent's timezone; the browser's when it has none. */
  timeZone?: string | null;
  openId: string | null;
  onOpen: (deliverableId: string) => void;
  /** Now, for tests; the calendar opens on the week (or month) of this day. */
  today?: number;
}) {
  const todayKey = dayKeyOf(today ?? Date.now(), timeZone);
  const [range, setRange] = useState<CalendarRange>('week');
  const [anchor, setAnchor] = useState(todayKey);
  const entries = calendarEntriesOf(deliverables);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const key = dayKeyOf(entry.at, timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  }
  const days = range === 'week' ? weekDays(anchor) : monthWeeks(anchor).flat().filter((day) => sameMonth(day, anchor));
  const shown = days.reduce((total, day) => total + (byDay.get(day)?.length ?? 0), 0);
  const lastShown = days[days.length - 1];
  const next = entries.find((entry) => dayKeyOf(entry.at, timeZone) > lastShown);
  const title = range === 'week' ? weekLabel(anchor) : monthLabel(anchor);
  const step = (direction: 1 | -1) =>
    setAnchor((current) => (range === 'week' ? addDays(current, 7 * direction) : addMonths(current, direction)));
  const zoneName = timeZone ? timeZone.replace(/_/g, ' ') : 'your browser’s timezone';

  const entryButton = (entry: CalendarEntry, compact: boolean) => {
    const { deliverable } = entry;
    const full = `${timeOfDay(entry.at, timeZone)} ${entryLabel(entry)}: ${entrySummary(deliverable)}`;
    return (
      <li key={deliverable.deliverable_id}>
        <button
          type="button"
          className={`schedule-entry schedule-${entry.state}${openId === deliverable.deliverable_id ? ' open' : ''}`}
          data-deliverable-id={deliverable.deliverable_id}
          aria-expanded={openId === deliverable.deliverable_id}
          aria-label={full}
          title={full}
          onClick={() => onOpen(deliverable.deliverable_id)}
        >
          <span className="schedule-time">{timeOfDay(entry.at, timeZone)}</span>{' '}
          <span className={`badge badge-${entry.state}`}>{SHORT_STATE[entry.state]}</span>
          {!compact && <span className="schedule-summary">{entrySummary(deliverable)}</span>}
          {compact && <span className="schedule-summary">{platformName(platformOf(deliverable)) || titleOf(deliverable)}</span>}
        </button>
      </li>
    );
  };

  return (
    <section className="schedule-calendar" aria-label="Calendar of scheduled and published posts">
      <div className="schedule-toolbar">
        <ChoiceButtons
          label="Calendar range"
          options={['week', 'month'] as const}
          selected={range}
          labelOf={(option) => (option === 'week' ? 'Week' : 'Month')}
          onSelect={setRange}
        />
        <div className="button-row" role="group" aria-label="Move the calendar">
          <button type="button" className="secondary" onClick={() => step(-1)}>
            {range === 'week' ? 'Previous week' : 'Previous month'}
          </button>
          <button type="button" className="secondary" disabled={anchor === todayKey} onClick={() => setAnchor(todayKey)}>
            Today
          </button>
          <button type="button" className="secondary" onClick={() => step(1)}>
            {range === 'week' ? 'Next week' : 'Next month'}
          </button>
        </div>
      </div>
      <h3 className="schedule-title" aria-live="polite">
        {title}
      </h3>
      <p className="muted small">
        Times in {zoneName}.{' '}
        {shown === 0
          ? `Nothing scheduled or published this ${range}.`
          : `${shown} ${shown === 1 ? 'post' : 'posts'} this ${range}.`}{' '}
        {next && (
          <button type="button" className="link-button" onClick={() => setAnchor(dayKeyOf(next.at, timeZone))}>
            Next: {longDayLabel(dayKeyOf(next.at, timeZone))}
          </button>
        )}
      </p>
      {range === 'week' ? (
        <ol className="plain-list schedule-week">
          {days.map((day) => {
            const dayEntries = byDay.get(day) ?? [];
            return (
              <li
                key={day}
                className={`schedule-day${day === todayKey ? ' today' : ''}`}
                aria-label={`${longDayLabel(day)}${day === todayKey ? ' (today)' : ''}: ${dayEntries.length} ${dayEntries.length === 1 ? 'post' : 'posts'}`}
              >
                <h4>{dayLabel(day)}</h4>
                {dayEntries.length > 0 ? (
                  <ol className="plain-list">{dayEntries.map((entry) => entryButton(entry, false))}</ol>
                ) : (
                  <p className="muted small">—</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <table className="schedule-month" aria-label={title}>
          <ColumnHeads labels={weekDays(anchor).map((day) => dayLabel(day).split(' ')[0])} />
          <tbody>
            {monthWeeks(anchor).map((week) => (
              <tr key={week[0]}>
                {week.map((day) => {
                  const inMonth = sameMonth(day, anchor);
                  const dayEntries = inMonth ? (byDay.get(day) ?? []) : [];
                  return (
                    <td
                      key={day}
                      className={`${inMonth ? '' : 'outside'}${day === todayKey ? ' today' : ''}`}
                      aria-label={inMonth ? `${longDayLabel(day)}: ${dayEntries.length} ${dayEntries.length === 1 ? 'post' : 'posts'}` : undefined}
                    >
                      <span className="schedule-day-number">{Number(day.slice(8))}</span>
                      {dayEntries.length > 0 && (
                        <ol className="plain-list">{dayEntries.map((entry) => entryButton(entry, true))}</ol>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
