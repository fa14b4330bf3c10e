import * as babel from 'prettier/plugins/babel';

/**
 * Splits a TypeScript source into a skeleton and pieces that prettier formats independently of
 * each other: statements of a statement list (a file, a function body, a loop body) and the
 * clauses of a switch. Prettier prints each statement of a list, and each case of a switch, on
 * its own lines without looking at its siblings (only the blank line between two of them comes
 * from the original text), so
 *   format(source) = format(skeleton) with each placeholder line replaced by its piece formatted
 *                    at the placeholder's indentation.
 * The skeleton is the source with every piece replaced by a placeholder, everything around the
 * pieces (whitespace between them included, which is where prettier reads blank lines from) kept.
 * Containers bigger than SPLIT_ABOVE_CHARS are opened up (their children become pieces); smaller
 * statements stay whole. The golden tests and codegen/format/piece-cache.test.ts check the equation on
 * every golden design, the benchmark designs and random designs.
 */

/** Statements and containers at most this long stay one piece; bigger containers are opened up. */
export const SPLIT_ABOVE_CHARS = 600;

/** Prefix of placeholder identifiers; a source that already contains it is not split. */
export const PLACEHOLDER_PREFIX = '__signalboxPiece';

export type PieceKind = 'statement' | 'case';

export interface Piece {
  kind: PieceKind;
  /** The piece's unformatted source, leading own-line comments and same-line trailing comments included. */
  text: string;
}

export interface SplitSource {
  /** The source with piece i replaced by `${PLACEHOLDER_PREFIX}i__;` (statement) or `case ${PLACEHOLDER_PREFIX}i__:` (case). */
  skeleton: string;
  pieces: Piece[];
  /** Where each piece is in the source: [start, end). */
  ranges: Array<{ start: number; end: number }>;
}

/** The parts of babel's AST the splitter reads. */
interface AstNode {
  type: string;
  start: number;
  end: number;
  body?: AstNode | AstNode[];
  declaration?: AstNode | null;
  cases?: AstNode[];
  discriminant?: AstNode;
}

interface AstComment {
  start: number;
  end: number;
}

interface ParsedFile {
  program: AstNode;
  comments?: AstComment[];
}

interface Range {
  kind: PieceKind;
  start: number;
  end: number;
}

export function placeholder(kind: PieceKind, index: number): string {
  return kind === 'case' ? `case ${PLACEHOLDER_PREFIX}${index}__:` : `${PLACEHOLDER_PREFIX}${index}__;`;
}

/** Parses with prettier's own babel-ts parser (the one formatting uses); null when there is nothing worth splitting. */
export async function splitSource(source: string): Promise<SplitSource | null> {
  if (source.length <= SPLIT_ABOVE_CHARS || source.includes(PLACEHOLDER_PREFIX)) return null;
  const parser = babel.parsers['babel-ts'];
  // The parser only reads the text; prettier's option bag is not needed for a parse.
  const ast = (await parser.parse(source, {} as Parameters<typeof parser.parse>[1])) as ParsedFile;
  const comments = [...(ast.comments ?? [])].sort((a, b) => a.start - b.start);
  const ranges: Range[] = [];
  collectStatements(source, comments, asList(ast.program.body), 0, ranges);
  if (ranges.length === 0) return null;

  let skeleton = '';
  let position = 0;
  const pieces: Piece[] = [];
  for (const range of ranges) {
    skeleton += source.slice(position, range.start) + placeholder(range.kind, pieces.length);
    pieces.push({ kind: range.kind, text: source.slice(range.start, range.end) });
    position = range.end;
  }
  skeleton += source.slice(position);
  return { skeleton, pieces, ranges: ranges.map(({ start, end }) => ({ start, end })) };
}

/**
 * Whether a text is exactly one statement (or one switch case) on its own — what a piece must stay
 * when it is edited in place instead of re-splitting the whole source.
 */
export async function isSinglePiece(kind: PieceKind, text: string): Promise<boolean> {
  if (text.includes(PLACEHOLDER_PREFIX)) return false;
  const parser = babel.parsers['babel-ts'];
  const wrapped = kind === 'case' ? `switch (0) {\n${text}\n}` : text;
  try {
    const ast = (await parser.parse(wrapped, {} as Parameters<typeof parser.parse>[1])) as ParsedFile;
    const body = asList(ast.program.body);
    if (kind === 'statement') return body.length === 1;
    return body.length === 1 && body[0]!.type === 'SwitchStatement' && body[0]!.cases?.length === 1;
  } catch {
    return false;
  }
}

function asList(body: AstNode | AstNode[] | undefined): AstNode[] {
  return Array.isArray(body) ? body : [];
}

/** The statements of a container node worth opening up, or null when the node is a piece of its own. */
function openUp(node: AstNode): { kind: PieceKind; children: AstNode[]; innerStart: number } | null {
  switch (node.type) {
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      return node.declaration?.type === 'FunctionDeclaration' ? openUp(node.declaration) : null;
    case 'FunctionDeclaration':
    case 'ForStatement':
    case 'ForOfStatement':
    case 'ForInStatement':
    case 'WhileStatement': {
      const body = node.body;
      if (!body || Array.isArray(body) || body.type !== 'BlockStatement') return null;
      return { kind: 'statement', children: asList(body.body), innerStart: body.start + 1 };
    }
    case 'BlockStatement':
      return { kind: 'statement', children: asList(node.body), innerStart: node.start + 1 };
    case 'SwitchStatement':
      return node.discriminant ? { kind: 'case', children: node.cases ?? [], innerStart: node.discriminant.end } : null;
    default:
      return null;
  }
}

function collectStatements(source: string, comments: AstComment[], children: AstNode[], innerStart: number, out: Range[], kind: PieceKind = 'statement'): void {
  let boundary = innerStart;
  for (const child of children) {
    const inner = child.end - child.start > SPLIT_ABOVE_CHARS ? openUp(child) : null;
    if (inner) {
      collectStatements(source, comments, inner.children, inner.innerStart, out, inner.kind);
      boundary = child.end;
      continue;
    }
    const start = leadingCommentsStart(source, comments, boundary, child.start);
    const end = trailingCommentsEnd(source, comments, child.end);
    out.push({ kind, start, end });
    boundary = end;
  }
}

/** Own-line comments right before a statement travel with it (prettier attaches them to it). */
function leadingCommentsStart(source: string, comments: AstComment[], boundary: number, nodeStart: number): number {
  let start = nodeStart;
  for (let i = lastCommentEndingBefore(comments, nodeStart); i >= 0; i--) {
    const comment = comments[i]!;
    if (comment.start < boundary) break;
    if (!isBlank(source, comment.end, start) || !startsOwnLine(source, comment.start)) break;
    start = comment.start;
  }
  return start;
}

/** Comments after a statement on its last line are its trailing comments. */
function trailingCommentsEnd(source: string, comments: AstComment[], nodeEnd: number): number {
  let end = nodeEnd;
  let index = firstCommentStartingAtOrAfter(comments, end);
  while (index < comments.length) {
    const comment = comments[index]!;
    const between = source.slice(end, comment.start);
    if (between.trim() !== '' || between.includes('\n')) break;
    end = comment.end;
    index++;
  }
  return end;
}

function lastCommentEndingBefore(comments: AstComment[], position: number): number {
  let low = 0;
  let high = comments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.end <= position) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function firstCommentStartingAtOrAfter(comments: AstComment[], position: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.start < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isBlank(source: string, from: number, to: number): boolean {
  return source.slice(from, to).trim() === '';
}

function startsOwnLine(source: string, position: number): boolean {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  return isBlank(source, lineStart, position);
}
