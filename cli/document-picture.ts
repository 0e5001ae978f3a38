import { createCanvas } from '@napi-rs/canvas';

/**
 * A JPEG standing for a photographed document, its title written on it: the portals check an upload's type
 * by its bytes, so a made-up filing needs a real picture.
 */
export function documentPicture(title: string): Buffer {
  const canvas = createCanvas(640, 400);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f3f6fa';
  g.fillRect(0, 0, 640, 400);
  g.fillStyle = '#1f2d3d';
  g.font = '28px "Noto Sans CJK SC", sans-serif';
  g.fillText(title, 40, 200);
  return canvas.toBuffer('image/jpeg');
}
