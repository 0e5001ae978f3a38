import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/config.ts';
import {
  checkChromium,
  checkDataDirPermissions,
  checkNode,
  checkOcrData,
  checkOcrModels,
  checkPdfFont,
} from '../../cli/doctor/checks.ts';
import { runYijian } from '../support/cli.ts';

describe('yijian doctor', () => {
  it('reports a missing Chromium path as a failure with the fix, and exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yijian-doctor-'));
    const running = runYijian(['doctor'], { DATA_DIR: dataDir, CHROMIUM_PATH: '/opt/no/such/chromium' });
    expect(await running.exited).toBe(1);
    const output = running.output();
    expect(output).toMatch(/✘ Chromium：CHROMIUM_PATH 指向的文件不存在：\/opt\/no\/such\/chromium/);
    expect(output).toContain('修复：sudo apt-get install -y --no-install-recommends chromium-headless-shell');
    // Every other check still ran and printed its own line.
    for (const name of ['Node.js', '中文字体', 'PDF 字体', 'Redis', '数据库', 'OCR 语言数据', 'OCR 模型'])
      expect(output).toContain(name);
  });

  it('finds and launches the Chromium of this machine', async () => {
    const result = await checkChromium({ CHROMIUM_PATH: undefined });
    expect(result.status).toBe('ok');
    expect(result.detail).toContain('可以启动');
  });

  it('checks that the PDF documents’ font exists and sets Chinese, by default and as configured', async () => {
    const defaults = loadConfig({});
    expect(await checkPdfFont(defaults)).toMatchObject({
      status: 'ok',
      detail: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc（NotoSansCJKsc-Regular）',
    });
    const missing = await checkPdfFont({ PDF_FONT: '/opt/no/font.ttc', PDF_FONT_FAMILY: '' });
    expect(missing).toMatchObject({ status: 'fail', fix: expect.stringContaining('PDF_FONT') });
    expect(missing.detail).toContain('/opt/no/font.ttc 不存在');
    // A member the collection does not hold cannot be loaded.
    const wrong = await checkPdfFont({ PDF_FONT: defaults.PDF_FONT, PDF_FONT_FAMILY: 'NoSuchFont-Regular' });
    expect(wrong.status).toBe('fail');
  });

  it('checks the Node version and the offline OCR data', () => {
    expect(checkNode('18.19.0').status).toBe('fail');
    expect(checkNode('20.6.0').status).toBe('ok');
    expect(checkOcrData().status).toBe('ok');
    expect(checkOcrModels()).toMatchObject({ status: 'ok', detail: expect.stringContaining('PP-OCRv4') });
  });

  it('warns when files under DATA_DIR are open to group or others, with the chmod that fixes it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yijian-doctor-perm-'));
    mkdirSync(join(dataDir, 'pglite'), { mode: 0o700 });
    writeFileSync(join(dataDir, 'pglite', 'wal'), 'x', { mode: 0o600 });
    expect(checkDataDirPermissions(dataDir).status).toBe('ok');
    chmodSync(join(dataDir, 'pglite', 'wal'), 0o644);
    const wide = checkDataDirPermissions(dataDir);
    expect(wide).toMatchObject({ status: 'warn', fix: `chmod -R go-rwx '${dataDir}'` });
    expect(wide.detail).toContain('1 个文件或目录');
    expect(wide.detail).toContain(join('pglite', 'wal'));
    expect(checkDataDirPermissions(join(dataDir, 'none')).status).toBe('ok');
  });
});
