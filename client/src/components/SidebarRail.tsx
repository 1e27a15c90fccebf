/**
 * The sidebar collapsed to a rail of icons (`[` or its button toggles it), for a narrow window: a button
 * that opens the sidebar again, one that opens it at the search box, and one per section that opens it
 * with that section open. The rail's buttons say what they open in their names and tooltips.
 */
import { Icon, type IconName } from './Icon.tsx';
import './SidebarRail.css';

/** A section the rail offers: its title, icon and the test id of its section. */
export interface RailSection {
  title: string;
  icon: IconName;
  testId: string;
}

interface SidebarRailProps {
  sections: readonly RailSection[];
  onExpand(): void;
  onSearch(): void;
  /** Opens the sidebar with section `testId` open. */
  onOpenSection(testId: string): void;
}

export function SidebarRail({ sections, onExpand, onSearch, onOpenSection }: SidebarRailProps) {
  return (
    <nav className="sidebar-rail" aria-label="Sidebar (collapsed)" data-testid="sidebar-rail">
      <button type="button" className="rail-button" onClick={onExpand} aria-label="Open the sidebar ([)" title="Open the sidebar ([)" data-testid="sidebar-expand">
        <Icon name="sidebar" />
      </button>
      <button type="button" className="rail-button" onClick={onSearch} aria-label="Search entities (/)" title="Search entities (/)" data-testid="rail-search">
        <Icon name="search" />
      </button>
      {sections.map((section) => (
        <button
          key={section.testId}
          type="button"
          className="rail-button"
          onClick={() => onOpenSection(section.testId)}
          aria-label={section.title}
          title={section.title}
          data-testid={`rail-${section.testId}`}
        >
          <Icon name={section.icon} />
        </button>
      ))}
    </nav>
  );
}
