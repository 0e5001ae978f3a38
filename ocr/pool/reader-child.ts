import sharp from 'sharp';
import { createOcrService, type OcrService } from '../service.ts';
import { type PoolToReader, type ReaderToPool, toWireError } from './reader-messages.ts';

/**
 * One reader process of the OCR pool (forked by `ReaderProcess`): it loads the PP-OCR models and a tesseract
 * worker, reads one blank page so ONNX Runtime has allocated its buffers, says `ready`, then reads the photos
 * the pool sends it, one at a time. Argument 1: ONNX Runtime threads per model (0 = the runtime's choice).
 * It exits when the pool asks, or when the pool's process is gone (the IPC channel closes).
 */

const send = (message: ReaderToPool) => process.send?.(message);
const rss = () => process.memoryUsage().rss;
/** CPU time of this process since `since` (user + system), in ms: unlike wall time, the machine's load leaves it alone. */
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
const threads = Number(process.argv[2]) || undefined;

process.on('disconnect', () => process.exit(0));

let service: OcrService;
const started = performance.now();
try {
  service = await createOcrService({ workers: 1, ...(threads ? { threads } : {}) });
  const blank = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  await service.recognise(blank).catch(() => undefined);
} catch (error) {
  send({ type: 'startup-failed', error: toWireError(error) });
  process.exit(1);
}
send({ type: 'ready', loadMs: Math.round(performance.now() - started), loadCpuMs: cpuMs(), rssBytes: rss() });

process.on('message', (message: PoolToReader) => {
  if (message.type === 'close') {
    void service.close().finally(() => process.exit(0));
    return;
  }
  const { id, image, options } = message;
  const cpu = process.cpuUsage();
  service
    .recognise(Buffer.from(image), options)
    .then((result) => send({ type: 'result', id, result, rssBytes: rss(), cpuMs: cpuMs(cpu) }))
    .catch((error: unknown) =>
      send({ type: 'failed', id, error: toWireError(error), rssBytes: rss(), cpuMs: cpuMs(cpu) }),
    );
});
