/**
 * The layout's progress bar: shown over the view while a layout computes for longer than SHOW_AFTER_MS,
 * with the node count, how far it is and Cancel (the nodes then stay where they are, and the view is usable).
 */
import { useEffect, useState } from 'react';
import './LayoutProgress.css';

/** A layout that ends sooner than this never shows the bar (no flicker on small views). */
const SHOW_AFTER_MS = 300;

interface LayoutProgressProps {
  progress: { nodes: number; fraction: number } | null;
  onCancel(): void;
}

export function LayoutProgress({ progress, onCancel }: LayoutProgressProps) {
  const running = progress !== null;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!running) return setShown(false);
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [running]);
  if (!progress || !shown) return null;
  const percent = Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100);
  return (
    <div className="layout-progress" role="status" data-testid="layout-progress">
      <span>
        Laying out {progress.nodes.toLocaleString('en')} nodes… {percent}%
      </span>
      <progress max={100} value={percent} aria-label="Layout progress" />
      <button type="button" className="button" data-testid="layout-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
