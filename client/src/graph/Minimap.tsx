/**
 * The overview minimap: a small canvas thumbnail of the whole graph (nodes as dots in their colours, edges
 * as hairlines) with the viewport as a rectangle. Click or drag on it to move the view there. Shown only
 * where it helps, while part of the graph lies outside the view; redraws at most once per frame, after
 * Cytoscape renders.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Core } from 'cytoscape';
import { CLASSES } from './stylesheet.ts';
import './Minimap.css';

/** Thumbnail size in CSS px. */
const SIZE = { width: 176, height: 116 } as const;
const PADDING = 8;
/** How far (px) the graph may stick out of the view before the minimap appears. */
const OVERFLOW_TOLERANCE = 4;

export function Minimap({ cy }: { cy: Core }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** Model → thumbnail mapping of the last drawing, for pointer input. */
  const mapping = useRef({ scale: 1, x0: 0, y0: 0 });

  const [needed, setNeeded] = useState(false);

  useEffect(() => {
    const ratio = window.devicePixelRatio || 1;
    let frame = 0;

    const draw = () => {
      frame = 0;
      const nodes = cy.nodes().not(`.${CLASSES.hidden}`);
      const box = nodes.boundingBox({ includeLabels: false });
      const view = cy.extent();
      const tolerance = OVERFLOW_TOLERANCE / cy.zoom();
      const overflowing =
        nodes.nonempty() &&
        (box.x1 < view.x1 - tolerance || box.y1 < view.y1 - tolerance || box.x2 > view.x2 + tolerance || box.y2 > view.y2 + tolerance);
      setNeeded(overflowing);
      const canvas = canvasRef.current;
      const context = canvas?.getContext('2d');
      if (!canvas || !context || !overflowing) return;
      const styles = getComputedStyle(canvas);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, SIZE.width, SIZE.height);
      const scale = Math.min((SIZE.width - 2 * PADDING) / (box.w || 1), (SIZE.height - 2 * PADDING) / (box.h || 1));
      const x0 = PADDING + (SIZE.width - 2 * PADDING - box.w * scale) / 2 - box.x1 * scale;
      const y0 = PADDING + (SIZE.height - 2 * PADDING - box.h * scale) / 2 - box.y1 * scale;
      mapping.current = { scale, x0, y0 };

      context.strokeStyle = styles.getPropertyValue('--minimap-edge') || 'rgba(120,130,145,0.5)';
      context.lineWidth = 0.6;
      context.beginPath();
      cy.edges()
        .not(`.${CLASSES.hidden}`)
        .forEach((edge) => {
          const a = edge.source().position();
          const b = edge.target().position();
          context.moveTo(x0 + a.x * scale, y0 + a.y * scale);
          context.lineTo(x0 + b.x * scale, y0 + b.y * scale);
        });
      context.stroke();

      nodes.forEach((node) => {
        const { x, y } = node.position();
        const radius = Math.max(1.5, Math.min(4, (Number(node.data('size')) || 30) * scale * 0.5));
        context.fillStyle = String(node.data('color') ?? '#888');
        context.beginPath();
        context.arc(x0 + x * scale, y0 + y * scale, radius, 0, Math.PI * 2);
        context.fill();
      });

      context.strokeStyle = styles.getPropertyValue('--accent') || '#2563eb';
      context.lineWidth = 1.5;
      const left = Math.max(1, x0 + view.x1 * scale);
      const top = Math.max(1, y0 + view.y1 * scale);
      const right = Math.min(SIZE.width - 1, x0 + view.x2 * scale);
      const bottom = Math.min(SIZE.height - 1, y0 + view.y2 * scale);
      if (right > left && bottom > top) context.strokeRect(left, top, right - left, bottom - top);
    };

    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    schedule();
    cy.on('render', schedule);
    return () => {
      cy.off('render', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [cy]);

  // The canvas was just mounted: draw it now rather than at the next render of the graph.
  useEffect(() => {
    if (needed) cy.emit('render');
  }, [needed, cy]);

  /** Centres the view on the model point under the pointer. */
  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { scale, x0, y0 } = mapping.current;
    const modelX = (event.clientX - rect.left - x0) / scale;
    const modelY = (event.clientY - rect.top - y0) / scale;
    const zoom = cy.zoom();
    cy.pan({ x: cy.width() / 2 - modelX * zoom, y: cy.height() / 2 - modelY * zoom });
  };

  if (!needed) return null;
  const ratio = window.devicePixelRatio || 1;
  return (
    <canvas
      ref={canvasRef}
      className="minimap"
      width={SIZE.width * ratio}
      height={SIZE.height * ratio}
      data-testid="minimap"
      style={{ width: SIZE.width, height: SIZE.height }}
      aria-label="Overview of the whole graph; click to move the view"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons === 1) moveTo(event);
      }}
    />
  );
}
