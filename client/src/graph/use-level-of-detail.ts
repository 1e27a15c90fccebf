/**
 * Keeps the instance's stylesheet (colour scheme and level of detail) and its renderer options in step
 * with the view's size; level-of-detail.ts says what changes at which size.
 */
import { useEffect, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import { applyRendererDetail, levelOfDetail } from './level-of-detail.ts';
import { buildStylesheet } from './stylesheet.ts';
import { GRAPH_THEMES, type ColorScheme } from './theme.ts';

/** `edgeCaptionZoom`: the zoom from which every relationship's caption is drawn (small views). */
export function useLevelOfDetail(cyRef: RefObject<Core | null>, cyInstance: Core | null, nodeCount: number, scheme: ColorScheme, edgeCaptionZoom: number): void {
  const large = levelOfDetail(nodeCount).large;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const detail = levelOfDetail(large ? Number.MAX_SAFE_INTEGER : 0);
    cy.style(buildStylesheet(GRAPH_THEMES[scheme], detail, edgeCaptionZoom));
    applyRendererDetail(cy, detail);
  }, [cyInstance, large, scheme, edgeCaptionZoom]);
}
