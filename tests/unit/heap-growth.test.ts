import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbageSooner, HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';

describe('how far the heap grows before a full collection', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is set to Concerto’s growth when the operator chose none', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    expect(collectGarbageSooner(['--enable-source-maps'], '--max-old-space-size=4096')).toBe(true);
    expect(set).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it.each([
    ['on node’s command line', ['--heap-growing-percent=200'], ''],
    ['with underscores, as V8 also reads it', ['--heap_growing_percent=10'], ''],
    ['in NODE_OPTIONS', [], '--max-old-space-size=512 --heap-growing-percent=30'],
  ])('is left as the operator set it %s', (_where, execArgv, nodeOptions) => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    expect(collectGarbageSooner(execArgv, nodeOptions)).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});
