import { NavLink, Outlet } from 'react-router-dom';
import { useAccess } from './access';
import type { Area } from './access';

export interface Section {
  to: string;
  label: string;
  area: Area;
  /** One line for the landing page. */
  about: string;
}

const SECTIONS: Section[] = [
  {
    to: '/agent-types',
    label: 'Agent Management',
    area: 'readAgentTypes',
    about: 'Agent types and their versions: drafts, guardrails, breaking changes, publishing.',
  },
  {
    to: '/ops/hired-agents',
    label: 'Hired agents',
    area: 'supportViews',
    about: 'Find a customer’s hired agents and see one in full: config refs, goals, drafts, approvals.',
  },
  { to: '/ops/denials', label: 'Denials', area: 'auditViews', about: 'Every execution enforcement refused, with its reason.' },
  { to: '/ops/decisions', label: 'Decisions', area: 'auditViews', about: 'Every enforcement decision, allow or deny, with its checks.' },
  {
    to: '/ops/correlations',
    label: 'Correlations',
    area: 'auditViews',
    about: 'One request’s whole way through the system, step by step.',
  },
  { to: '/ops/dead-letters', label: 'Dead letters', area: 'supportViews', about: 'Stream records Plant could not store, and why.' },
];

/** The sections the signed-in operator's roles open. */
export function useSections(): Section[] {
  const access = useAccess();
  return SECTIONS.filter((section) => access[section.area]);
}

/** The operator's sections, only those their roles open; the section's page below. */
export function PpLayout() {
  const sections = useSections();
  return (
    <>
      <nav aria-label="Operations" className="pp-nav">
        <ul>
          <li>
            <NavLink to="/" end>
              Home
            </NavLink>
          </li>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to}>{section.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
