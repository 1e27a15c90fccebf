/**
 * A node label as a small chip with its colour and shape swatch, the way the legend and panels show it.
 */
import { labelStyle } from '../graph/labels.ts';

export function LabelSwatch({ label, size = 12 }: { label: string; size?: number }) {
  const style = labelStyle(label);
  return (
    <span
      className="swatch"
      data-shape={style.shape}
      style={{ background: style.color, width: size, height: size }}
      aria-hidden="true"
    />
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
