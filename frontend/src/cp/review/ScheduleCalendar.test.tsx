import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { socialPost } from '../../test/definitions';
import type { Deliverable } from '../cpApi';
import { calendarEntriesOf, ScheduleCalendar } from './ScheduleCalendar';

// Thursday 10 Dec 2026, 12:00 in Kolkata.
const TODAY = Date.parse('2026-12-10T06:30:00Z');
const ZONE = 'Asia/Kolkata';

/** A post of the calendar: its id, state, platform and text, and whatever else the case needs. */
function post(id: string, state: Deliverable['state'], platform: string, text: string, more: Partial<Deliverable> = {}) {
  return socialPost({ deliverable_id: id, state, payload: { platform, text }, ...more });
}

const scheduled = post('scheduled-1', 'scheduled', 'linkedin', 'Flu shots all week at Sunrise Clinic', {
  scheduled_for: '2026-12-11T04:00:00Z',
});
const published = post('published-1', 'executed', 'x', 'Open on Sunday', {
  last_execution: {
    correlation_id: 'corr-1',
    status: 'executed',
    decided_at: '2026-12-07T03:29:00Z',
    result: { status: 'executed', completed_at: '2026-12-07T03:30:00Z' },
  },
});
const dryRun = post('dry-1', 'dry_run', 'instagram', 'Late-night dry run', {
  scheduled_for: '2026-12-08T18:45:00Z',
  last_execution: { correlation_id: 'corr-2', status: 'allowed', result: { status: 'dry_run', completed_at: '2026-12-08T18:45:05Z' } },
});
const nextMonth = post('january-1', 'scheduled', 'facebook', 'New year, new check-up', { scheduled_for: '2027-01-05T05:30:00Z' });
const pending = socialPost({ deliverable_id: 'pending-1', state: 'pending_review', suggested_for: '2026-12-09T04:00:00Z' });
const approvedWithoutTime = socialPost({ deliverable_id: 'approved-1', state: 'approved' });

function renderCalendar(deliverables: Deliverable[], onOpen = vi.fn()) {
  render(<ScheduleCalendar deliverables={deliverables} timeZone={ZONE} openId={null} onOpen={onOpen} today={TODAY} />);
  return onOpen;
}

const day = (name: RegExp) => screen.getByRole('listitem', { name });

describe('ScheduleCalendar', () => {
  it('places only scheduled and carried-out posts, each at its slot or when it went out', () => {
    const entries = calendarEntriesOf([pending, approvedWithoutTime, scheduled, published, dryRun]);

    expect(entries.map((entry) => [entry.deliverable.deliverable_id, entry.state, entry.at])).toEqual([
      ['published-1', 'executed', '2026-12-07T03:30:00Z'],
      ['dry-1', 'dry_run', '2026-12-08T18:45:05Z'],
      ['scheduled-1', 'scheduled', '2026-12-11T04:00:00Z'],
    ]);
  });

  it('says a scheduled post was not sent when its attempt at the slot was denied, and why', () => {
    const denied = socialPost({
      ...scheduled,
      updated_at: '2026-12-10T05:00:00Z',
      last_execution: { correlation_id: 'scheduled-a1', status: 'denied', reason: 'subscription_inactive', requested_at: '2026-12-11T04:00:03Z' },
    });
    const deniedBeforeScheduling = socialPost({
      ...scheduled,
      deliverable_id: 'scheduled-2',
      updated_at: '2026-12-10T05:00:00Z',
      last_execution: { correlation_id: 'c-old', status: 'denied', reason: 'approval_missing', requested_at: '2026-12-09T05:00:00Z' },
    });
    renderCalendar([denied, deniedBeforeScheduling]);

    const [first, second] = within(day(/^Friday 11 December 2026/)).getAllByRole('button');
    expect(first).toHaveTextContent('Not sent');
    expect(first.getAttribute('aria-label')).toMatch(/^09:30 Not sent: /);
    expect(first.getAttribute('aria-label')).not.toContain('subscription_inactive');
    expect(second).toHaveTextContent('Scheduled');
  });

  it('opens on this week in the customer’s timezone, each post on its local day and time', () => {
    renderCalendar([scheduled, published, dryRun, pending]);

    expect(screen.getByRole('heading', { name: '7 – 13 Dec 2026' })).toBeInTheDocument();
    expect(screen.getByText(/Times in Asia\/Kolkata\. 3 posts this week\./)).toBeInTheDocument();
    expect(within(day(/^Monday 7 December 2026/)).getByRole('button')).toHaveAccessibleName(
      '09:00 Published: X · Open on Sunday',
    );
    // 18:45 UTC on Tuesday is 00:15 on Wednesday in Kolkata.
    expect(within(day(/^Wednesday 9 December 2026/)).getByRole('button')).toHaveAccessibleName(
      '00:15 Dry run — nothing was sent: Instagram · Late-night dry run',
    );
    expect(within(day(/^Friday 11 December 2026/)).getByRole('button')).toHaveTextContent('09:30');
    expect(within(day(/^Friday 11 December 2026/)).getByRole('button')).toHaveTextContent('Scheduled');
    expect(day(/^Thursday 10 December 2026 \(today\)/)).toBeInTheDocument();
    expect(within(day(/^Tuesday 8 December 2026/)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('moves by week and by month, and back to today', async () => {
    const user = userEvent.setup();
    renderCalendar([scheduled, nextMonth]);

    await user.click(screen.getByRole('button', { name: 'Next week' }));
    expect(screen.getByRole('heading', { name: '14 – 20 Dec 2026' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing scheduled or published this week\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Month' }));
    expect(screen.getByRole('heading', { name: 'December 2026' })).toBeInTheDocument();
    const december = screen.getByRole('table', { name: 'December 2026' });
    expect(within(december).getByRole('cell', { name: 'Friday 11 December 2026: 1 post' })).toHaveTextContent('LinkedIn');

    await user.click(screen.getByRole('button', { name: 'Next month' }));
    const january = screen.getByRole('table', { name: 'January 2027' });
    expect(within(january).getByRole('cell', { name: 'Tuesday 5 January 2027: 1 post' })).toHaveTextContent('11:00');

    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('heading', { name: 'November 2026' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('heading', { name: 'December 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Today' })).toBeDisabled();
  });

  it('offers a jump to the next post when this range has none after it', async () => {
    const user = userEvent.setup();
    renderCalendar([nextMonth]);

    await user.click(screen.getByRole('button', { name: 'Next: Tuesday 5 January 2027' }));

    expect(screen.getByRole('heading', { name: '4 – 10 Jan 2027' })).toBeInTheDocument();
    expect(within(day(/^Tuesday 5 January 2027/)).getByRole('button')).toHaveTextContent('New year, new check-up');
  });

  it('opens a post’s detail from the calendar', async () => {
    const user = userEvent.setup();
    const onOpen = renderCalendar([scheduled]);

    await user.click(within(day(/^Friday 11 December 2026/)).getByRole('button'));

    expect(onOpen).toHaveBeenCalledWith('scheduled-1');
  });
});
