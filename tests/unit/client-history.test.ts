import { describe, expect, it } from 'vitest';
import { emptyHistory, recordChange, redo, undo } from '../../client/src/state/history.ts';

const same = (entry: string) => entry;

describe('client history (undo / redo)', () => {
  it('undoes changes newest first and redoes them in order', () => {
    let history = recordChange(recordChange(emptyHistory<string>(), 'v0'), 'v1'); // present is v2
    const first = undo(history, () => 'v2');
    expect(first?.entry).toBe('v1');
    history = first!.history;
    const second = undo(history, () => 'v1');
    expect(second?.entry).toBe('v0');
    expect(undo(second!.history, same)).toBeNull();

    const again = redo(second!.history, () => 'v0');
    expect(again?.entry).toBe('v1');
    expect(redo(again!.history, () => 'v1')?.entry).toBe('v2');
  });

  it('forgets what was undone once a new change is made', () => {
    const history = recordChange(emptyHistory<string>(), 'v0');
    const undone = undo(history, () => 'v1')!;
    expect(undone.history.future).toEqual(['v1']);
    const changed = recordChange(undone.history, 'v0');
    expect(changed.future).toEqual([]);
    expect(redo(changed, same)).toBeNull();
  });

  it('keeps only the newest entries beyond the cap', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < 120; i++) history = recordChange(history, i, 100);
    expect(history.past).toHaveLength(100);
    expect(history.past[0]).toBe(20);
    expect(history.past.at(-1)).toBe(119);
  });

  it('lets the entry kept for redo carry metadata of the undone one', () => {
    const history = recordChange(emptyHistory<{ view: string; change: string }>(), { view: 'before', change: 'expand Russia' });
    const step = undo(history, (undone) => ({ view: 'after', change: undone.change }))!;
    expect(step.history.future).toEqual([{ view: 'after', change: 'expand Russia' }]);
  });
});
