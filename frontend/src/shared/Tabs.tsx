import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec {
  id: string;
  label: string;
}

/**
 * WAI-ARIA tabs: one tab stop for the tab list, arrow keys / Home / End move between tabs and
 * select them. With a `disabledReason` every tab is aria-disabled (still focusable, so the
 * explanation is discoverable) and no panel is shown.
 */
export function Tabs({
  label,
  tabs,
  selectedId,
  onSelect,
  disabledReason,
  renderPanel,
}: {
  label: string;
  tabs: TabSpec[];
  selectedId: string;
  onSelect: (tabId: string) => void;
  disabledReason?: string;
  renderPanel: (tabId: string) => ReactNode;
}) {
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const disabled = Boolean(disabledReason);
  const selectedIndex = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === selectedId),
  );
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;
  const reasonId = `${baseId}-disabled-reason`;

  function moveFocus(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) {
      return;
    }
    event.preventDefault();
    tabRefs.current[next]?.focus();
    if (!disabled) {
      onSelect(tabs[next].id);
    }
  }

  const current = tabs[selectedIndex];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} aria-describedby={disabled ? reasonId : undefined}>
        {tabs.map((tab, index) => {
          const isSelected = index === selectedIndex;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={disabled ? undefined : panelId(tab.id)}
              aria-disabled={disabled || undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => {
                if (!disabled) {
                  onSelect(tab.id);
                }
              }}
              onKeyDown={(event) => moveFocus(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {disabled ? (
        <p id={reasonId} className="alert alert-info">
          {disabledReason}
        </p>
      ) : (
        <div role="tabpanel" id={panelId(current.id)} aria-labelledby={tabId(current.id)} tabIndex={0} className="tab-panel">
          {renderPanel(current.id)}
        </div>
      )}
    </div>
  );
}
