import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Reading a generated PDF back as a person's viewer would, with poppler (scripts/setup.sh installs
 * poppler-utils): its text (pdftotext) and a page rendered to pixels (pdftoppm).
 */
function withFile<T>(pdf: Buffer, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

export function pdfPages(pdf: Buffer): number {
  return withFile(pdf, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  });
}

/** The first page rendered at `dpi`, as a PNG file's bytes. */
export function pdfPng(pdf: Buffer, dpi: number): Buffer {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.png'));
  });
}

/** Grey levels (0 black … 255 white) of the first page at `dpi`, row by row. */
export async function pdfGrey(
  pdf: Buffer,
  dpi: number,
): Promise<{ width: number; height: number; at(x: number, y: number): number }> {
  const { data, info } = await sharp(pdfPng(pdf, dpi))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at: (x, y) => data[(Math.round(y) * info.width + Math.round(x)) * info.channels] ?? 255,
  };
}
