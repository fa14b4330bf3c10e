import { StringLru } from './lru';
import { isSinglePiece, placeholder, PLACEHOLDER_PREFIX, splitSource, type Piece, type PieceKind } from './split';

/** Formats a whole source the way the output must look (prettier with Signalbox's options). */
export type FormatWhole = (source: string) => Promise<string>;

/** What the last format call did: for tests and the benchmark. */
export interface FormatStats {
  /** The whole file was in the cache. */
  fileHit: boolean;
  /** Pieces the file was split into (0 when formatted whole). */
  pieces: number;
  /** Pieces that were not in the cache and went through prettier. */
  piecesFormatted: number;
  /** The skeleton went through prettier (a statement or case was added, removed or moved). */
  skeletonFormatted: boolean;
  /** Why the file was formatted whole, if it was ('first-seen': split into the cache afterwards, off the caller's time). */
  whole: 'small' | 'fallback' | 'first-seen' | null;
  /** The source differed from a recently formatted one inside one piece only: no re-split (no full parse). */
  editedInPlace: boolean;
}

/** A formatted source remembered with its split, so that an edit inside one piece skips the full parse. */
interface Layout {
  source: string;
  pieces: Piece[];
  ranges: Array<{ start: number; end: number }>;
  /** The formatted skeleton's lines; slot i's line is replaced by formattedPieces[i]. */
  skeletonLines: string[];
  slots: Slot[];
  formattedPieces: string[];
}

interface Slot {
  line: number;
  depth: number;
}

/** Sources remembered for in-place edits (a designer compiles a few files per design; a few users at once). */
const RECENT_LAYOUTS = 12;

const PLACEHOLDER_LINE = new RegExp(`^( *)(case )?${PLACEHOLDER_PREFIX}(\\d+)__[;:]$`);
const BATCH_MARKER = `${PLACEHOLDER_PREFIX}Batch`;
const END_MARKER = 'End';
const INDENT = '  ';

/**
 * Prettier with a cache of formatted pieces (codegen/format/split.ts): a source seen before is
 * returned from the cache; otherwise only its pieces that are not cached are formatted, all in one
 * prettier call, and spliced into the formatted skeleton. A one-field edit in the designer changes
 * one piece, so one piece is formatted. Anything unexpected (a placeholder prettier moved, a
 * wrapper line that is not where it should be) falls back to formatting the whole source, so the
 * output is always prettier's own.
 */
export class PieceCache {
  private readonly cache: StringLru;
  /** Most recent first. */
  private layouts: Layout[] = [];
  lastStats: FormatStats = emptyStats();
  /** Bumped by clear(): a split scheduled before it is dropped. */
  private generation = 0;
  private splitting: Promise<void> = Promise.resolve();
  private readonly wholeFirst: boolean;

  /**
   * With `wholeFirst`, a source unrelated to any recently formatted one (a design opened, not an
   * edit of one) is formatted whole — splitting costs an extra parse and prettier call, ~20 % on a
   * first format — and split into the cache right after, on a later turn of the event loop, so the
   * edits that follow find its pieces.
   */
  constructor(
    private readonly formatWhole: FormatWhole,
    limits: { maxEntries: number; maxChars: number } = { maxEntries: 20_000, maxChars: 16_000_000 },
    options: { wholeFirst?: boolean } = {},
  ) {
    this.cache = new StringLru(limits.maxEntries, limits.maxChars);
    this.wholeFirst = options.wholeFirst ?? false;
  }

  /** Resolves when the splits scheduled so far are done (tests and the benchmark wait for it). */
  settled(): Promise<void> {
    return this.splitting;
  }

  /** Entries and characters held (bounded by the constructor's limits). */
  get usage(): { entries: number; chars: number } {
    return { entries: this.cache.size, chars: this.cache.totalWeight };
  }

  clear(): void {
    this.cache.clear();
    this.layouts = [];
    this.generation++;
  }

  /** `splitNow`: split a first-seen source into the cache before answering even with `wholeFirst` (edits of it follow). */
  async format(source: string, options: { splitNow?: boolean } = {}): Promise<string> {
    const stats = emptyStats();
    this.lastStats = stats;
    const fileKey = `file\0${source}`;
    const cached = this.cache.get(fileKey);
    if (cached !== undefined) {
      stats.fileHit = true;
      return cached;
    }
    let formatted = await this.formatEditedInPlace(source, stats).catch(() => null);
    if (formatted === null && this.wholeFirst && !options.splitNow && !this.isRelated(source)) {
      formatted = await this.formatWhole(source);
      stats.whole = 'first-seen';
      this.splitLater(source, formatted);
    }
    formatted ??= await this.formatInPieces(source, stats).catch(() => null);
    if (formatted === null) {
      // A syntax error throws from here with prettier's own message.
      formatted = await this.formatWhole(source);
      stats.whole ??= 'fallback';
    }
    this.cache.set(fileKey, formatted);
    return formatted;
  }

  private async formatInPieces(source: string, stats: FormatStats): Promise<string | null> {
    const split = await splitSource(source);
    if (!split) {
      stats.whole = 'small';
      return null;
    }
    const { skeleton, pieces } = split;
    stats.pieces = pieces.length;

    const skeletonKey = `skeleton\0${skeleton}`;
    let formattedSkeleton = this.cache.get(skeletonKey);
    if (formattedSkeleton === undefined) {
      formattedSkeleton = await this.formatWhole(skeleton);
      stats.skeletonFormatted = true;
      this.cache.set(skeletonKey, formattedSkeleton);
    }

    const lines = formattedSkeleton.split('\n');
    const slots = placeholderSlots(lines, pieces);
    if (!slots) return null;

    const keys = pieces.map((piece, i) => pieceKey(piece, slots[i]!.depth));
    const formattedPieces = keys.map((key) => this.cache.get(key));
    const missing = formattedPieces.flatMap((text, i) => (text === undefined ? [i] : []));
    if (missing.length > 0) {
      const batch = await this.formatBatch(missing.map((i) => ({ piece: pieces[i]!, depth: slots[i]!.depth })));
      if (!batch) return null;
      missing.forEach((pieceIndex, batchIndex) => {
        formattedPieces[pieceIndex] = batch[batchIndex]!;
        this.cache.set(keys[pieceIndex]!, batch[batchIndex]!);
      });
      stats.piecesFormatted = missing.length;
    }

    const layout: Layout = { source, pieces, ranges: split.ranges, skeletonLines: lines, slots, formattedPieces: formattedPieces as string[] };
    this.remember(layout);
    return splice(layout);
  }

  /**
   * The designer's common case: the source differs from one formatted moments ago only inside one
   * piece (one node's field was edited). That piece is re-checked to still be exactly one statement
   * (or case) and formatted alone; the rest of the layout is reused without parsing the source.
   * The piece's first and last characters must be unchanged, so its boundary with its neighbours is.
   */
  private async formatEditedInPlace(source: string, stats: FormatStats): Promise<string | null> {
    for (const previous of this.layouts) {
      const old = previous.source;
      const limit = Math.min(old.length, source.length);
      let prefix = 0;
      while (prefix < limit && old.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;
      const index = pieceContaining(previous.ranges, prefix, old.length - suffix);
      if (index < 0) continue;

      const delta = source.length - old.length;
      const range = previous.ranges[index]!;
      const piece: Piece = { kind: previous.pieces[index]!.kind, text: source.slice(range.start, range.end + delta) };
      if (!(await isSinglePiece(piece.kind, piece.text))) return null;
      const depth = previous.slots[index]!.depth;
      const key = pieceKey(piece, depth);
      let formatted = this.cache.get(key);
      if (formatted === undefined) {
        formatted = (await this.formatBatch([{ piece, depth }]))?.[0];
        if (formatted === undefined) return null;
        this.cache.set(key, formatted);
        stats.piecesFormatted = 1;
      }
      const layout: Layout = {
        source,
        pieces: previous.pieces.map((p, i) => (i === index ? piece : p)),
        ranges: previous.ranges.map((r, i) => (i < index ? r : i === index ? { start: r.start, end: r.end + delta } : { start: r.start + delta, end: r.end + delta })),
        skeletonLines: previous.skeletonLines,
        slots: previous.slots,
        formattedPieces: previous.formattedPieces.map((text, i) => (i === index ? formatted : text)),
      };
      this.remember(layout);
      stats.pieces = layout.pieces.length;
      stats.editedInPlace = true;
      return splice(layout);
    }
    return null;
  }

  /** A source shares at least half its text (common prefix + suffix) with a recently formatted one. */
  private isRelated(source: string): boolean {
    return this.layouts.some(({ source: old }) => {
      const limit = Math.min(old.length, source.length);
      let prefix = 0;
      while (prefix < limit && old.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;
      return (prefix + suffix) * 2 >= source.length;
    });
  }

  /**
   * Splits a source formatted whole into the cache on a later turn of the event loop (after the
   * caller has its answer). Its spliced result must equal the whole format; if it ever does not,
   * the cache is emptied rather than trusted.
   */
  private splitLater(source: string, formatted: string): void {
    const generation = this.generation;
    const previous = this.splitting;
    this.splitting = new Promise<void>((resolve) => {
      const run = async () => {
        await previous;
        if (generation !== this.generation) return;
        const spliced = await this.formatInPieces(source, emptyStats()).catch(() => null);
        if (spliced !== null && spliced !== formatted) this.clear();
      };
      setImmediate(() => void run().finally(resolve));
    });
  }

  private remember(layout: Layout): void {
    this.layouts = [layout, ...this.layouts.filter((l) => l.source !== layout.source)].slice(0, RECENT_LAYOUTS);
  }

  /**
   * Formats pieces in one prettier call. Pieces of the same kind and depth share one wrapper of
   * blocks (a switch for cases) that makes prettier indent and wrap them exactly as in place, each
   * after a marker statement (or empty case) the output is split at; an end marker closes a group.
   */
  private async formatBatch(items: Array<{ piece: Piece; depth: number }>): Promise<string[] | null> {
    const groups = new Map<string, number[]>();
    items.forEach(({ piece, depth }, i) => {
      const key = `${piece.kind}:${depth}`;
      const members = groups.get(key);
      if (members) members.push(i);
      else groups.set(key, [i]);
    });
    let text = '';
    for (const members of groups.values()) {
      const { piece: first, depth } = items[members[0]!]!;
      if (first.kind === 'case' && depth === 0) return null;
      text += openWrapper(first.kind, depth);
      for (const i of members) text += `${batchMarker(first.kind, i)}\n${items[i]!.piece.text}\n`;
      text += `${batchMarker(first.kind, END_MARKER)}${'\n}'.repeat(depth)}\n`;
    }

    const lines = (await this.formatWhole(text)).split('\n');
    if (lines.pop() !== '') return null; // prettier ends a file with exactly one newline
    const results: string[] = new Array(items.length);
    let at = 0;
    for (const members of groups.values()) {
      const { piece: first, depth } = items[members[0]!]!;
      const opening = openWrapper(first.kind, depth).split('\n').slice(0, -1);
      for (const [level, expected] of opening.entries()) {
        if (lines[at++] !== INDENT.repeat(level) + expected) return null;
      }
      const markerIndent = INDENT.repeat(depth);
      for (const [n, i] of members.entries()) {
        if (lines[at] !== markerIndent + batchMarker(first.kind, i)) return null;
        const next = n + 1 < members.length ? batchMarker(first.kind, members[n + 1]!) : batchMarker(first.kind, END_MARKER);
        const end = lines.indexOf(markerIndent + next, at + 1);
        if (end < 0 || end === at + 1) return null;
        results[i] = lines.slice(at + 1, end).join('\n');
        at = end;
      }
      at++; // the end marker
      for (let level = depth - 1; level >= 0; level--) {
        if (lines[at++] !== `${INDENT.repeat(level)}}`) return null;
      }
    }
    return at === lines.length ? results : null;
  }
}

function emptyStats(): FormatStats {
  return { fileHit: false, pieces: 0, piecesFormatted: 0, skeletonFormatted: false, whole: null, editedInPlace: false };
}

function pieceKey(piece: Piece, depth: number): string {
  return `${piece.kind}\0${depth}\0${piece.text}`;
}

/** The piece whose range strictly contains the changed span [from, to) of its source, or -1. */
function pieceContaining(ranges: Array<{ start: number; end: number }>, from: number, to: number): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (range.end <= from) low = mid + 1;
    else if (range.start > from) high = mid - 1;
    else return from > range.start && to < range.end ? mid : -1;
  }
  return -1;
}

function splice(layout: Layout): string {
  const lines = [...layout.skeletonLines];
  layout.slots.forEach((slot, i) => {
    lines[slot.line] = layout.formattedPieces[i]!;
  });
  return lines.join('\n');
}

function placeholderSlots(lines: string[], pieces: Piece[]): Slot[] | null {
  const slots: Array<Slot | undefined> = new Array(pieces.length);
  for (const [line, text] of lines.entries()) {
    if (!text.includes(PLACEHOLDER_PREFIX)) continue;
    const match = PLACEHOLDER_LINE.exec(text);
    if (!match) return null; // a placeholder prettier did not print on a line of its own
    const index = Number(match[3]);
    const indent = match[1]!.length;
    if (slots[index] || indent % INDENT.length !== 0) return null;
    if (text.trimStart() !== placeholder(pieces[index]?.kind ?? 'statement', index)) return null;
    slots[index] = { line, depth: indent / INDENT.length };
  }
  return slots.every(Boolean) && slots.length === pieces.length ? (slots as Slot[]) : null;
}

/** Blocks around pieces so that prettier prints them at `depth` levels of indentation; cases need a switch. */
function openWrapper(kind: PieceKind, depth: number): string {
  if (kind === 'case') return `${'for (;;) {\n'.repeat(Math.max(0, depth - 1))}switch (0) {\n`;
  return 'for (;;) {\n'.repeat(depth);
}

function batchMarker(kind: PieceKind, index: number | typeof END_MARKER): string {
  return kind === 'case' ? `case ${BATCH_MARKER}${index}__:` : `${BATCH_MARKER}${index}__;`;
}
