import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { Shutdown } from '../../lib/shutdown.ts';

describe('Shutdown', () => {
  it('closes parts in reverse order of start, once, even when one of them fails', async () => {
    const shutdown = new Shutdown(silentLogger);
    const order: string[] = [];
    shutdown.add('redis', () => {
      order.push('redis');
    });
    shutdown.add('store', () => {
      throw new Error('already closed');
    });
    shutdown.add('web', async () => {
      order.push('web');
    });
    await Promise.all([shutdown.run('test'), shutdown.run('again')]);
    expect(order).toEqual(['web', 'redis']);
  });
});
