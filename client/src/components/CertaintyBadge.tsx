/**
 * A certainty grade as a coloured badge, plus the line sample the legend and the panel use to show how
 * that grade draws its edges.
 */
import type { Certainty } from '../../../server/src/contract.ts';
import { CERTAINTY_STYLES } from '../graph/certainty.ts';
import './CertaintyBadge.css';

export function CertaintyBadge({ certainty, testId }: { certainty: Certainty; testId?: string }) {
  const style = CERTAINTY_STYLES[certainty];
  return (
    <span
      className="badge"
      style={{ background: style.badgeColor }}
      title={style.description}
      data-testid={testId}
      data-certainty={certainty}
    >
      {style.title}
    </span>
  );
}

/** The edge line of a grade, drawn in SVG with the same dash lengths as the canvas. */
export function CertaintyLine({ certainty, width = 40 }: { certainty: Certainty; width?: number }) {
  const style = CERTAINTY_STYLES[certainty];
  const dash = style.lineStyle === 'dotted' ? '0.1 4.5' : style.dashPattern?.join(' ');
  return (
    <svg className="certainty-line" width={width} height={10} viewBox={`0 0 ${width} 10`} aria-hidden="true">
      <line
        x1={3}
        y1={5}
        x2={width - 3}
        y2={5}
        stroke="currentColor"
        strokeWidth={style.lineStyle === 'dotted' ? 2.6 : 2}
        strokeLinecap={style.lineStyle === 'dotted' ? 'round' : 'butt'}
        strokeDasharray={dash}
        opacity={style.opacity}
      />
    </svg>
  );
}
