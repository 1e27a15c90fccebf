/**
 * @neo4j-cypher/language-support calls `Iterator.prototype.toArray()` (ES2025 iterator helpers) in its
 * completion code. Browsers before Chrome 122, Firefox 131 and Safari 18.4 and Node before 22 lack it;
 * this adds that one method where it is missing, so completion works there too. Import it before the
 * language support.
 */
type IteratorWithToArray = { toArray?: () => unknown[] };

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as IteratorWithToArray;

if (typeof iteratorPrototype.toArray !== 'function') {
  Object.defineProperty(iteratorPrototype, 'toArray', {
    configurable: true,
    writable: true,
    value: function toArray(this: Iterable<unknown>): unknown[] {
      return [...this];
    },
  });
}
