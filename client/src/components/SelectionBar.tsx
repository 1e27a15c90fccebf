/**
 * The selection bar, bottom left over the canvas: how many nodes are selected (Ctrl+A selects every node
 * drawn, Ctrl+I inverts, Esc clears), or relationships (a type's schema sample), with Hide and Show only, and how many are hidden by hand with Show
 * hidden. Each button names its key; nothing shows while nothing is selected or hidden. Marked
 * `data-over-canvas`: the camera fits and centres above it (camera.ts), clear of the lowest captions.
 */
import './SelectionBar.css';

interface SelectionBarProps {
  /**
   * What is selected, null for nothing: nodes (the details panel's and the ones Shift+clicked, boxed or
   * Ctrl+A'd) or relationships (the one clicked, or a type's schema sample), and how many.
   */
  selected: { kind: 'node' | 'relationship'; count: number } | null;
  /** Nodes and relationships in view hidden by hand. */
  hiddenByHand: { nodes: number; relationships: number };
  onHide(): void;
  onShowOnly(): void;
  onShowHidden(): void;
  onClear(): void;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

export function SelectionBar(props: SelectionBarProps) {
  const { hiddenByHand } = props;
  const selected = props.selected && props.selected.count > 0 ? count(props.selected.count, props.selected.kind) : null;
  const hidden = hiddenByHand.nodes + hiddenByHand.relationships;
  if (selected === null && hidden === 0) return null;
  const hiddenText = hiddenByHand.nodes > 0 ? count(hiddenByHand.nodes, 'node') : count(hiddenByHand.relationships, 'relationship');
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection" data-testid="selection-bar" data-over-canvas="">
      {selected !== null && (
        <span className="floating-pill selection-bar-group">
          <span className="selection-bar-count" data-testid="selection-count">
            {selected} selected
          </span>
          <button type="button" className="selection-bar-button" onClick={props.onHide} title="Hide the selection (H); Ctrl+Z undoes" data-testid="selection-hide">
            Hide <kbd>H</kbd>
          </button>
          <button type="button" className="selection-bar-button" onClick={props.onShowOnly} title="Hide every other node (O)" data-testid="selection-only">
            Show only <kbd>O</kbd>
          </button>
          <button type="button" className="selection-bar-button" onClick={props.onClear} title="Clear the selection (Esc)" aria-label="Clear the selection">
            <kbd>Esc</kbd>
          </button>
        </span>
      )}
      {hidden > 0 && (
        <span className="floating-pill selection-bar-group">
          <span className="selection-bar-count" data-testid="hidden-count">
            {hiddenText} hidden
          </span>
          <button type="button" className="selection-bar-button" onClick={props.onShowHidden} title="Draw again what was hidden by hand (Shift+H)" data-testid="show-hidden">
            Show hidden <kbd>⇧H</kbd>
          </button>
        </span>
      )}
    </div>
  );
}
