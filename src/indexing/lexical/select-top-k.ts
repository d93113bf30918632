/**
 * Picks the `k` best of `candidates[0..count)` by `scores[id]`, best first; equal scores put the lower
 * id first, so results are deterministic. A bounded min-heap: O(count · log k) time, O(k) memory.
 *
 * @example
 * selectTopK(new Float32Array([0.5, 2, 1]), new Int32Array([0, 1, 2]), 3, 2); // Int32Array [1, 2]
 */
export function selectTopK(scores: Float32Array, candidates: Int32Array, count: number, k: number): Int32Array {
  const size = Math.max(0, Math.min(Math.floor(k), count));
  const heap = new Int32Array(size);
  if (size === 0) return heap;
  // `worse(a, b)`: a ranks below b. The heap root is the worst of the kept ids.
  const worse = (a: number, b: number): boolean => {
    const scoreA = scores[a] ?? 0;
    const scoreB = scores[b] ?? 0;
    return scoreA < scoreB || (scoreA === scoreB && a > b);
  };
  const siftDown = (start: number, length: number): void => {
    let parent = start;
    const id = heap[parent] ?? 0;
    for (;;) {
      let child = 2 * parent + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && worse(heap[right] ?? 0, heap[child] ?? 0)) child = right;
      const childId = heap[child] ?? 0;
      if (!worse(childId, id)) break;
      heap[parent] = childId;
      parent = child;
    }
    heap[parent] = id;
  };
  for (let index = 0; index < size; index++) heap[index] = candidates[index] ?? 0;
  for (let index = (size >> 1) - 1; index >= 0; index--) siftDown(index, size);
  for (let index = size; index < count; index++) {
    const id = candidates[index] ?? 0;
    if (worse(heap[0] ?? 0, id)) {
      heap[0] = id;
      siftDown(0, size);
    }
  }
  // Heap sort in place: repeatedly move the worst to the end, leaving the best first.
  for (let end = size - 1; end > 0; end--) {
    const worst = heap[0] ?? 0;
    heap[0] = heap[end] ?? 0;
    heap[end] = worst;
    siftDown(0, end);
  }
  return heap;
}
