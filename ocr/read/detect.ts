import type { DecodedPhoto } from '../image/decode.ts';
import { locateDocument } from '../image/locate.ts';
import type { Point, Quad } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import {
  ID_CARD_BACK_SIGNATURE,
  ID_CARD_FRONT_SIGNATURE,
  ID_CARD_SIZE,
} from '../templates/id-card.template.ts';
import { LICENCE_SIGNATURE, LICENCE_SIZE } from '../templates/licence.template.ts';
import type { Signature } from '../templates/template.ts';
import { readField } from './read-field.ts';
import { DocumentView } from './view.ts';

/**
 * Which document the photo shows and which way up. The document's outline gives its aspect ratio (ID card
 * 1.585, A4 licence 1.414) and whether it lies across or along the photo; printed text that only one side of
 * one document carries (公民身份号码 on the portrait side, 居民身份证 on the emblem side, 营业执照 on a licence)
 * then confirms the type and which of the two remaining orientations is upright.
 */
export type DocumentKind = 'idCardFront' | 'idCardBack' | 'businessLicence';
export type RequestedType = 'idCard' | 'businessLicence';

export interface Detected {
  kind: DocumentKind;
  view: DocumentView;
}

interface Candidate {
  kind: DocumentKind;
  size: { widthMm: number; heightMm: number };
  signature: Signature;
  pxPerMm: number;
}

const ID_FRONT: Candidate = {
  kind: 'idCardFront',
  size: ID_CARD_SIZE,
  signature: ID_CARD_FRONT_SIGNATURE,
  pxPerMm: 9,
};
const ID_BACK: Candidate = {
  kind: 'idCardBack',
  size: ID_CARD_SIZE,
  signature: ID_CARD_BACK_SIGNATURE,
  pxPerMm: 4,
};
const LICENCE: Candidate = {
  kind: 'businessLicence',
  size: LICENCE_SIZE,
  signature: LICENCE_SIGNATURE,
  pxPerMm: 3,
};

export async function detectDocument(
  photo: DecodedPhoto,
  pool: TesseractPool,
  requested?: RequestedType,
): Promise<Detected | null> {
  const corners = documentCorners(photo);
  const across =
    sideLength(corners, 0) + sideLength(corners, 2) >= sideLength(corners, 1) + sideLength(corners, 3);
  const aspect = aspectRatio(corners);
  // Quarter turns of the corner list to try: the document's long side runs along the photo's long side or not.
  const turns = across ? [0, 2] : [1, 3];
  const idFirst = requested ? requested === 'idCard' : aspect > 1.5;
  const order = idFirst ? [[ID_FRONT, ID_BACK], [LICENCE]] : [[LICENCE], [ID_FRONT, ID_BACK]];
  const groups = requested ? order.slice(0, 1) : order;
  for (const group of groups) {
    for (const candidate of group) {
      for (const turn of turns) {
        const view = new DocumentView(
          photo.full,
          rotate(corners, turn),
          candidate.size.widthMm,
          candidate.size.heightMm,
        );
        if (await carriesSignature(view, candidate, pool)) return { kind: candidate.kind, view };
      }
    }
  }
  return null;
}

/** The located outline in full-photo pixels; the whole photo when no outline stands out (a scan, a crop). */
function documentCorners(photo: DecodedPhoto): Quad {
  const located = locateDocument(photo.small);
  const { width, height } = photo.full;
  if (!located) {
    return [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ];
  }
  const scale = width / photo.small.width;
  return located.corners.map((p) => ({ x: p.x * scale, y: p.y * scale })) as Quad;
}

async function carriesSignature(
  view: DocumentView,
  candidate: Candidate,
  pool: TesseractPool,
): Promise<boolean> {
  const { box, text, channel } = candidate.signature;
  const reading = await readField(
    view,
    { box, maxLines: 1, mode: 'line', pxPerMm: candidate.pxPerMm, channel },
    pool,
  );
  return sharedCharacters(reading.text, text) / [...text].length >= 0.5;
}

/** How many characters of `expected` appear in `text` in order (longest common subsequence). */
export function sharedCharacters(text: string, expected: string): number {
  const a = [...text];
  const b = [...expected];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = [0];
    b.forEach((y, j) => {
      current.push(x === y ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, current[j] ?? 0));
    });
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sideLength(quad: Quad, side: number): number {
  const a = quad[side] as Point;
  const b = quad[(side + 1) % 4] as Point;
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function aspectRatio(quad: Quad): number {
  const one = sideLength(quad, 0) + sideLength(quad, 2);
  const two = sideLength(quad, 1) + sideLength(quad, 3);
  return Math.max(one, two) / Math.max(1, Math.min(one, two));
}

/** The corner list starting `turn` corners later: the document's own TL, TR, BR, BL for that orientation. */
function rotate(quad: Quad, turn: number): Quad {
  return [0, 1, 2, 3].map((i) => quad[(i + turn) % 4] as Point) as Quad;
}
