import express, { type Router } from 'express';
import { childrenOf, provinces } from '../../forms/codes/index.ts';

/**
 * GET /api/regions?parent=<code>: the next level of the 省/市/区 cascade from the GB/T 2260 table
 * (provinces without `parent`). Each answer takes a little while, as the real cascades load level by level
 * over the network, so a bot must wait for the options rather than race them.
 */
export function regionsRouter(options: { delayMs?: readonly [number, number] } = {}): Router {
  const [min, max] = options.delayMs ?? [120, 400];
  const router = express.Router();
  router.get('/api/regions', (req, res) => {
    const parent = typeof req.query.parent === 'string' ? req.query.parent : '';
    if (parent !== '' && !/^\d{6}$/.test(parent)) {
      res.status(400).json({ ok: false, message: '区划代码不正确' });
      return;
    }
    const list = (parent === '' ? provinces() : childrenOf(parent)).map((r) => ({
      code: r.code,
      name: r.name,
    }));
    setTimeout(() => res.json(list), min + Math.floor(Math.random() * (max - min + 1)));
  });
  return router;
}
