import type { SegmentationMode } from '../pool/types.ts';
import type { MmBox } from '../read/view.ts';

/** How one field is laid out on a document and how it is best read. */
export interface FieldLayout {
  key: string;
  /** The printed label (shown to people when the field needs confirmation). */
  label: string;
  /** Where the value is printed (mm, with margin for printing jitter). */
  box: MmBox;
  /** Up to this many lines; more than one means the box is split into lines before reading. */
  maxLines: number;
  mode: SegmentationMode;
}

/** A region whose text proves which document (and which way up) this is. */
export interface Signature {
  box: MmBox;
  /** Characters expected in it; the share found decides. */
  text: string;
  channel: 'red' | 'green';
}
