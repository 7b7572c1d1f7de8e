// A line printer for Go source: an indentation level, a buffer, and helpers for blocks.
// Output is gofmt-clean by construction (tabs, one statement per line, braces on the same line);
// the build still runs gofmt over it as a check, not as a formatter of last resort.

export class Printer {
  /** null: a slot that was never filled (dropped from the output). */
  private readonly out: (string | null)[] = [];
  private level: number;

  constructor(level = 0) {
    this.level = level;
  }

  line(text = ''): void {
    this.out.push(text === '' ? '' : '\t'.repeat(this.level) + text);
  }

  /** `head {` … `}` with the body indented. */
  block(head: string, body: () => void, tail = '}'): void {
    this.line(`${head} {`);
    this.level++;
    body();
    this.level--;
    this.line(tail);
  }

  indent(body: () => void): void {
    this.level++;
    body();
    this.level--;
  }

  /** A label sits one level out, as gofmt puts it. */
  label(name: string): void {
    this.out.push('\t'.repeat(Math.max(0, this.level - 1)) + `${name}:`);
  }

  /** Reserves the place of a label decided later (e.g. a loop top used only if jumped to). */
  labelSlot(): (name: string) => void {
    const at = this.out.length;
    const pad = '\t'.repeat(Math.max(0, this.level - 1));
    this.out.push(null);
    return (name) => { this.out[at] = `${pad}${name}:`; };
  }

  /** A new printer at this one's indentation, for code placed later with append(). */
  sub(): Printer {
    return new Printer(this.level);
  }

  append(other: Printer): void {
    for (const l of other.out) if (l !== null) this.out.push(l);
  }

  /** The position wrapDecls() takes. */
  mark(): number {
    return this.out.length;
  }

  /**
   * Puts the lines printed since `mark` in a `{ … }` block when one of them declares a Go
   * variable at the current level, so a later goto may jump over them (Go forbids jumping over a
   * declaration in the same block).
   */
  wrapDecls(mark: number): void {
    const pad = '\t'.repeat(this.level);
    const decl = (l: string | null): boolean => l !== null && l.startsWith(pad) && !l.startsWith(pad + '\t') &&
      (/^\t*var /.test(l) || /^\t*[\wµ, ]+ :=/.test(l));
    if (!this.out.slice(mark).some(decl)) return;
    const body = this.out.splice(mark).map((l) => (l === null || l === '' ? l : '\t' + l));
    this.out.push(pad + '{', ...body, pad + '}');
  }

  toString(): string {
    return this.out.filter((l) => l !== null).join('\n') + '\n';
  }
}
