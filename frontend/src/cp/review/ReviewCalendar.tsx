import { effectiveState, stateLabel } from './deliverableView';
import type { Deliverable } from '../cpApi';
import { platformOf, postTextOf, slotOf, titleOf, weekOf } from './deliverableView';

function snippet(text: string | undefined, length = 90): string {
  if (!text) {
    return '';
  }
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** Campaign-pack drafts laid out by week, each week in posting order; others listed apart. */
export function ReviewCalendar({
  deliverables,
  openId,
  onOpen,
}: {
  deliverables: Deliverable[];
  openId: string | null;
  onOpen: (deliverableId: string) => void;
}) {
  const weeks = new Map<number, Deliverable[]>();
  const unplanned: Deliverable[] = [];
  for (const deliverable of deliverables) {
    const week = weekOf(deliverable);
    if (week === undefined) {
      unplanned.push(deliverable);
    } else {
      weeks.set(week, [...(weeks.get(week) ?? []), deliverable]);
    }
  }
  const bySlot = (left: Deliverable, right: Deliverable) =>
    (slotOf(left)?.sortKey ?? '').localeCompare(slotOf(right)?.sortKey ?? '') ||
    (platformOf(left) ?? '').localeCompare(platformOf(right) ?? '');

  const entry = (deliverable: Deliverable) => (
    <li key={deliverable.deliverable_id}>
      <button
        type="button"
        className={`calendar-entry${openId === deliverable.deliverable_id ? ' open' : ''}`}
        aria-expanded={openId === deliverable.deliverable_id}
        onClick={() => onOpen(deliverable.deliverable_id)}
      >
        <span className="calendar-slot">{slotOf(deliverable)?.label ?? 'Any time'}</span>
        <span className="calendar-title">{titleOf(deliverable)}</span>
        <span className={`badge badge-${effectiveState(deliverable)}`}>{stateLabel(effectiveState(deliverable), deliverable)}</span>
        <span className="calendar-snippet">{snippet(postTextOf(deliverable))}</span>
      </button>
    </li>
  );

  return (
    <div className="calendar">
      {[...weeks.keys()]
        .sort((left, right) => left - right)
        .map((week) => (
          <section key={week} className="calendar-week card" aria-labelledby={`calendar-week-${week}`}>
            <h3 id={`calendar-week-${week}`}>Week {week}</h3>
            <ol className="plain-list">{weeks.get(week)!.sort(bySlot).map(entry)}</ol>
          </section>
        ))}
      {unplanned.length > 0 && (
        <section className="calendar-week card" aria-labelledby="calendar-unplanned">
          <h3 id="calendar-unplanned">Not part of a campaign calendar</h3>
          <ol className="plain-list">{unplanned.sort(bySlot).map(entry)}</ol>
        </section>
      )}
    </div>
  );
}
