/**
 * Hover tooltips over the canvas, after a short delay (TOOLTIP_DELAY_MS): a node's caption, labels and up
 * to three of its properties; a relationship's type, its ends, certainty and the first words of its quote.
 * Placed beside what they describe, never over it (tooltip-placement.ts), in the part of the canvas no panel
 * covers (camera.ts's `covered`: below 1,360 px the details panel hid 18 of 21 nodes' tooltips, new-user
 * trial), and never while a mouse button is down, a node is dragged, the view pans or zooms, or a menu is
 * open (`paused`).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { CertaintyBadge } from '../components/CertaintyBadge.tsx';
import { LabelChip } from '../components/LabelChip.tsx';
import type { GraphData } from '../state/graph-data.ts';
import { covered } from './camera.ts';
import { certaintyOf } from './certainty.ts';
import { nodeCaption } from './labels.ts';
import { besideLine, besideNode, type Box, type Point } from './tooltip-placement.ts';
import { keyProperties, shortText } from './tooltip-text.ts';
import './HoverTooltip.css';

/** How long the pointer rests on an element before its tooltip shows (ms); Bloom and most OSes use 400–500. */
export const TOOLTIP_DELAY_MS = 450;
/** Words of a quote a relationship's tooltip shows. */
const QUOTE_WORDS = 14;

interface Hovered {
  kind: 'node' | 'edge';
  id: string;
  /** Where the pointer rests, in rendered px (for a relationship). */
  at: Point;
}

function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/**
 * The rendered boxes (captions included) of the nodes drawn whose centre lies within `radius` px of `at`:
 * those a relationship's tooltip keeps off (besideLine). Read from positions first, so that a large view
 * measures only the few near the pointer.
 */
function nodeBoxesNear(cy: Core, at: Point, radius: number): Box[] {
  const boxes: Box[] = [];
  cy.nodes().forEach((node: NodeSingular) => {
    const { x, y } = node.renderedPosition();
    if (Math.abs(x - at.x) > radius || Math.abs(y - at.y) > radius || !node.visible()) return;
    const b = node.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
    boxes.push({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  return boxes;
}

export function HoverTooltip({ cy, graph, paused }: { cy: Core; graph: GraphData; paused: boolean }) {
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const [position, setPosition] = useState<Point | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const pausedNow = useRef(paused);
  pausedNow.current = paused;
  useEffect(() => {
    if (paused) setHovered(null);
  }, [paused]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let buttonDown = false;
    const hide = () => {
      clearTimeout(timer);
      setHovered(null);
    };
    const over = (event: EventObject) => {
      clearTimeout(timer);
      if (buttonDown) return;
      const kind = event.target.isNode() ? 'node' : 'edge';
      const id = String(event.target.id());
      const at = event.renderedPosition ?? { x: 0, y: 0 };
      timer = setTimeout(() => {
        if (!buttonDown && !pausedNow.current && !cy.destroyed() && cy.getElementById(id).nonempty()) setHovered({ kind, id, at: { x: at.x, y: at.y } });
      }, TOOLTIP_DELAY_MS);
    };
    const down = () => {
      buttonDown = true;
      hide();
    };
    const up = () => {
      buttonDown = false;
    };
    cy.on('mouseover', 'node, edge', over);
    cy.on('mouseout', 'node, edge', hide);
    cy.on('tapstart', down);
    cy.on('tapend', up);
    cy.on('grab drag viewport remove cxttapstart', hide);
    return () => {
      clearTimeout(timer);
      cy.removeListener('mouseover', 'node, edge', over);
      cy.removeListener('mouseout', 'node, edge', hide);
      cy.removeListener('tapstart', down);
      cy.removeListener('tapend', up);
      cy.removeListener('grab drag viewport remove cxttapstart', hide);
    };
  }, [cy]);

  // Placed once its size is known: beside the node's box, or off the relationship's line.
  useLayoutEffect(() => {
    setPosition(null);
    if (!hovered || !box.current || cy.destroyed()) return;
    const element = cy.getElementById(hovered.id);
    if (element.empty()) return;
    const size = { width: box.current.offsetWidth, height: box.current.offsetHeight };
    const over = covered(cy);
    const canvas = { width: cy.width() - over.right, height: cy.height() - over.bottom };
    if (hovered.kind === 'node') {
      const b = element.renderedBoundingBox({ includeLabels: true });
      setPosition(besideNode({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }, size, canvas));
    } else {
      const from = element.source().renderedPosition();
      const to = element.target().renderedPosition();
      setPosition(besideLine(from, to, hovered.at, size, canvas, nodeBoxesNear(cy, hovered.at, size.width + size.height + 200)));
    }
  }, [hovered, cy]);

  if (!hovered) return null;
  const style = position ? { left: position.x, top: position.y } : { left: 0, top: 0, visibility: 'hidden' as const };
  if (hovered.kind === 'node') {
    const node = graph.nodes.get(hovered.id);
    if (!node) return null;
    return (
      <div ref={box} className="hover-tooltip" style={style} role="tooltip" data-testid="hover-tooltip" data-element={node.id}>
        <strong className="hover-tooltip-title">{nodeCaption(node)}</strong>
        <span className="hover-tooltip-labels">
          {node.labels.map((label) => (
            <LabelChip key={label} label={label} />
          ))}
        </span>
        {keyProperties(node.properties).map(([key, text]) => (
          <span key={key} className="hover-tooltip-row">
            <span className="hover-tooltip-key">{key}</span> {text}
          </span>
        ))}
      </div>
    );
  }
  const relationship = graph.relationships.get(hovered.id);
  if (!relationship) return null;
  const certainty = certaintyOf(relationship.properties);
  const quote = shortText(relationship.properties.quote, 10_000);
  const nameOf = (id: string) => {
    const end = graph.nodes.get(id);
    return end ? nodeCaption(end) : id;
  };
  return (
    <div ref={box} className="hover-tooltip" style={style} role="tooltip" data-testid="hover-tooltip" data-element={relationship.id}>
      <strong className="hover-tooltip-title">{relationship.type}</strong>
      <span className="hover-tooltip-row">
        {nameOf(relationship.source)} → {nameOf(relationship.target)}
      </span>
      {certainty && (
        <span className="hover-tooltip-row">
          <CertaintyBadge certainty={certainty} />
        </span>
      )}
      {quote && <q className="hover-tooltip-quote">{firstWords(quote, QUOTE_WORDS)}</q>}
    </div>
  );
}
