import { createCanvas } from '@napi-rs/canvas';

/**
 * A JPEG (or PNG) standing for a photographed document, its title written on it: the portals check an
 * upload's type by its bytes, so a made-up filing needs a real picture. Tests draw smaller ones.
 */
export function documentPicture(
  title: string,
  options: { width?: number; height?: number; type?: 'jpeg' | 'png' } = {},
): Buffer {
  const { width = 640, height = 400, type = 'jpeg' } = options;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f3f6fa';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#1f2d3d';
  g.font = '28px "Noto Sans CJK SC", sans-serif';
  g.fillText(title, 40, height / 2);
  return type === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg');
}
