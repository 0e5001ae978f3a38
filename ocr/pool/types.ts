/** What the OCR pool is asked to read and what it answers. */

/** How tesseract should segment the crop it is given. */
export type SegmentationMode = 'block' | 'line' | 'word' | 'char';

export interface RecogniseJob {
  /** An encoded image (PNG) of the prepared crop. */
  image: Buffer;
  mode: SegmentationMode;
  /** Characters the engine may produce; empty for any. */
  whitelist?: string;
  /** Longest this job may run before its worker is replaced (default: the pool's jobTimeoutMs). */
  timeoutMs?: number;
}

export interface RecognisedSymbol {
  text: string;
  /** 0..100 as tesseract reports it. */
  confidence: number;
}

export interface RecognisedText {
  text: string;
  /** Mean confidence over the words, 0..100. */
  confidence: number;
  /** Every recognised character with its own confidence, in reading order. */
  symbols: RecognisedSymbol[];
}
