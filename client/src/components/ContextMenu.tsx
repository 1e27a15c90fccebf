/**
 * A context menu at a point of the page (right click on the canvas, or the context-menu key / Shift+F10 on
 * the selection): groups of items, each with its shortcut shown, run by click or by keys (↑ ↓ Home End,
 * Enter or Space; Esc or Tab closes, as does a click anywhere else). Kept inside the window.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFocusReturn } from './use-focus-return.ts';
import './ContextMenu.css';

export interface MenuItem {
  label: string;
  /** The key that does the same, shown at the right ("E", "Ctrl+A"). */
  shortcut?: string;
  disabled?: boolean;
  /** One of a group of choices (a layout): true for the current one, marked ✓; absent for a plain action. */
  checked?: boolean;
  run(): void;
  testId?: string;
}

/** Items in groups, separated by a line; a group may have a heading. */
export interface MenuGroup {
  heading?: string;
  items: MenuItem[];
}

/** Where a menu opens (page px): at a point, or beside a box it must not cover. */
export interface MenuPlace {
  /** The menu's top-left corner, moved in to fit the window. */
  x: number;
  y: number;
  /**
   * The element the menu is about (a node opened by keyboard): the menu goes to its right, else to its
   * left, its top at the box's top, so it never covers what it acts on.
   */
  beside?: { left: number; top: number; right: number; bottom: number };
}

interface ContextMenuProps {
  at: MenuPlace;
  /** What the menu is about, for its accessible name ("Kim Jong-un", "the view"). */
  title: string;
  groups: MenuGroup[];
  onClose(): void;
}

/** px between a menu and the element it opens beside. */
const MENU_GAP = 6;

export function ContextMenu({ at, title, groups, onClose }: ContextMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);
  const items = groups.flatMap((group) => group.items);
  const [active, setActive] = useState(() => Math.max(0, items.findIndex((item) => !item.disabled)));

  // Inside the window: at a point, flipped to its left or above it where it would stick out (as the
  // system's menus do), so it never lies under the pointer (moved in instead, it put Hide under the pointer
  // of a right click near the bottom: new-user trial); beside its element when it has one.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const fitX = (x: number) => Math.max(4, Math.min(x, window.innerWidth - box.width - 4));
    const fitY = (y: number) => Math.max(4, Math.min(y, window.innerHeight - box.height - 4));
    const flip = (from: number, size: number, room: number) => (from + size + 4 <= room || from - size < 4 ? from : from - size);
    const beside = at.beside;
    if (!beside) return setPosition({ x: fitX(flip(at.x, box.width, window.innerWidth)), y: fitY(flip(at.y, box.height, window.innerHeight)) });
    const right = beside.right + MENU_GAP;
    const left = beside.left - MENU_GAP - box.width;
    const x = right + box.width + 4 <= window.innerWidth ? right : left >= 4 ? left : fitX(right);
    setPosition({ x, y: fitY(beside.top) });
  }, [at.x, at.y, at.beside?.left, at.beside?.top, at.beside?.right, at.beside?.bottom]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [active]);

  useFocusReturn(menu);

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    // A resized window moves the canvas under the menu and can put the menu past its edge (its lower
    // items were out of reach after 1280×800 → 1024×700: new-user trial).
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const step = (from: number, direction: 1 | -1) => {
    for (let i = 1; i <= items.length; i++) {
      const next = (from + direction * i + items.length) % items.length;
      if (!items[next]?.disabled) return next;
    }
    return from;
  };
  const startingWith = (key: string, from: number) => {
    for (let i = 1; i <= items.length; i++) {
      const next = (from + i) % items.length;
      const item = items[next];
      if (item && !item.disabled && item.label.toLowerCase().startsWith(key.toLowerCase())) return next;
    }
    return from;
  };
  const run = (item: MenuItem | undefined) => {
    if (!item || item.disabled) return;
    onClose();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => step(i, 1)),
      ArrowUp: () => setActive((i) => step(i, -1)),
      Home: () => setActive(step(-1, 1)),
      End: () => setActive(step(items.length, -1)),
      Enter: () => run(items[active]),
      ' ': () => run(items[active]),
      Escape: onClose,
      Tab: onClose,
    };
    // A letter goes to the next item whose label starts with it, as in the system's menus.
    const letter = event.key.length === 1 && /\p{L}/u.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey;
    const handle = keys[event.key] ?? (letter ? () => setActive((i) => startingWith(event.key, i)) : undefined);
    if (!handle) return;
    event.preventDefault();
    event.stopPropagation();
    handle();
  };

  let index = -1;
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={`Actions on ${title}`}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      data-testid="context-menu"
      aria-modal="true"
    >
      {groups.map((group, g) => (
        <div key={g} className="context-menu-group" role="group" aria-label={group.heading}>
          {group.heading && <div className="context-menu-heading">{group.heading}</div>}
          {group.items.map((item) => {
            index += 1;
            const i = index;
            return (
              <button
                key={item.label}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                className="context-menu-item"
                data-index={i}
                data-testid={item.testId}
                disabled={item.disabled}
                tabIndex={i === active ? 0 : -1}
                onMouseEnter={() => !item.disabled && setActive(i)}
                onClick={() => run(item)}
              >
                <span>
                  {item.checked !== undefined && (
                    <span className="context-menu-check" aria-hidden="true">
                      {item.checked ? '✓' : ''}
                    </span>
                  )}
                  {item.label}
                </span>
                {item.shortcut && <kbd className="context-menu-shortcut">{item.shortcut}</kbd>}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
