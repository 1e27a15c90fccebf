/**
 * A node label as a small chip with its colour and shape swatch (and icon, when the swatch is big enough
 * to read it), the way the legend and panels show it. Follows the user's styles.
 */
import { iconByName, iconInk } from '../graph/icons.ts';
import { useLabelStyle } from './style-context.ts';
import './LabelChip.css';

/** Below this size a swatch shows colour and shape only. */
const MIN_ICON_SWATCH = 14;

export function LabelSwatch({ label, size = 12 }: { label: string; size?: number }) {
  const style = useLabelStyle(label);
  const icon = size >= MIN_ICON_SWATCH ? iconByName(style.icon) : undefined;
  return (
    <span className="swatch" data-shape={style.shape} style={{ background: style.color, width: size, height: size }} aria-hidden="true">
      {icon && (
        <svg viewBox="0 0 24 24" width={size * 0.62} height={size * 0.62}>
          <path d={icon.path} fill={iconInk(style.color)} fillRule="evenodd" />
        </svg>
      )}
    </span>
  );
}

export function LabelChip({ label, muted = false }: { label: string; muted?: boolean }) {
  return (
    <span className={muted ? 'chip chip-muted' : 'chip'}>
      {!muted && <LabelSwatch label={label} size={9} />}
      {label}
    </span>
  );
}
