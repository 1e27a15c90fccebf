/**
 * How long a shared link gets (url-state.ts): the largest views a link names, and hashes at 500 nodes with
 * and without positions, for elementIds and seed-like ids. `npx tsx bench/link-length.ts`; the figures are
 * quoted in url-state.ts and the README.
 */
import { encodeView, fitsInLink, linkFor } from '../client/src/state/url-state.ts';
import { DEFAULT_FILTERS } from '../client/src/state/filters.ts';
const elementIds = (count: number) => Array.from({ length: count }, (_, i) => `4:8de2ba8c-54da-47ad-8d6a-937ac7765188:${i * 7}`);
const seedIds = (count: number) => Array.from({ length: count }, (_, i) => `${['russia', 'north-korea', 'kim-jong-un', 'payment-for-engineering-work'][i % 4]}-${i}`);
function spread(ids: readonly string[], span: number) {
  return Object.fromEntries(ids.map((id, i) => [id, { x: ((i * 7919) % span) - span / 2 + 0.3, y: ((i * 104_729) % span) - span / 3 - 0.6 }]));
}
for (const [kind, make] of [['elementId', elementIds], ['seed-like', seedIds]] as const) {
  let count = 1;
  while (fitsInLink(make(count + 1))) count++;
  const at = (n: number, span: number) => {
    const ids = make(n);
    const link = linkFor({ nodeIds: ids, selection: null, layoutName: 'force', filters: DEFAULT_FILTERS, positions: spread(ids, span), camera: { zoom: 0.5, x: 0, y: 0 } });
    const bare = encodeView({ nodeIds: ids, selection: null, layoutName: 'force', filters: DEFAULT_FILTERS });
    return `${n} nodes: ids-only hash ${bare.length}, with positions (span ${span}) ${link.positionsLeftOut ? 'left out' : link.hash.length}`;
  };
  console.log(kind, 'largest linkable', count, '|', at(Math.min(500, count), 1500), '|', at(Math.min(500, count), 5000), '|', at(count, 1500));
}
