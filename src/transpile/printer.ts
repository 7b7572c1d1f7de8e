// A line printer for Go source: an indentation level, a buffer, and helpers for blocks.
// Output is gofmt-clean by construction (tabs, one statement per line, braces on the same line);
// the build still runs gofmt over it as a check, not as a formatter of last resort.

export class Printer {
  private readonly out: string[] = [];
  private level = 0;

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

  toString(): string {
    return this.out.join('\n') + '\n';
  }
}
