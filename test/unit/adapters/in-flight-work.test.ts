import { describe, expect, test } from 'vitest';
import { InFlightWork } from '../../../src/adapters/in-flight-work.ts';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<string>; open: () => void; fail: () => void } {
  let open!: () => void;
  let fail!: () => void;
  const promise = new Promise<string>((resolve, reject) => {
    open = () => resolve('done');
    fail = () => reject(new Error('broken'));
  });
  return { promise, open, fail };
}

describe('InFlightWork', () => {
  test('GIVEN work running THEN drain waits for it, refuses new work, and resolves 0 once all settled, failures included', async () => {
    const work = new InFlightWork();
    const first = gate();
    const second = gate();
    const running = work.run(() => first.promise);
    const failing = work.run(() => second.promise);
    expect(work.size).toBe(2);
    let drained: number | undefined;
    const draining = work.drain(60_000).then((left) => (drained = left));
    expect(work.accepting).toBe(false);
    expect(work.run(() => Promise.resolve('late'))).toBeUndefined();
    first.open();
    await expect(running).resolves.toBe('done');
    await Promise.resolve();
    expect(drained).toBeUndefined();
    second.fail();
    await expect(failing).rejects.toThrow('broken');
    await draining;
    expect([drained, work.size]).toEqual([0, 0]);
  });

  test('GIVEN work that never ends THEN drain gives up after its bound and says how many are left', async () => {
    const work = new InFlightWork();
    void work.run(() => new Promise(() => undefined));
    const started = performance.now();
    expect(await work.drain(50)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
