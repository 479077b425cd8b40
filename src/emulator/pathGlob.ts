/**
 * Fault path globs: `*` stands for any run of characters within one path segment, `**` for any run at all.
 * Matched by simulating the glob as a set of positions (no regular expression, no backtracking), so a glob of m
 * tokens tests a path of n characters in O(n × m) steps whatever it holds: `/**a**a**a**b` cannot hang the emulator.
 */

type Token = { readonly kind: 'literal'; readonly char: string } | { readonly kind: 'star' } | { readonly kind: 'globstar' };

/** A compiled glob. */
export class PathGlob {
  private readonly tokens: readonly Token[];

  constructor(glob: string) {
    const tokens: Token[] = [];
    for (let i = 0; i < glob.length; i++) {
      if (glob[i] !== '*') tokens.push({ kind: 'literal', char: glob[i] });
      else if (glob[i + 1] === '*') {
        tokens.push({ kind: 'globstar' });
        while (glob[i + 1] === '*') i++;
      } else tokens.push({ kind: 'star' });
    }
    this.tokens = tokens;
  }

  /** Whether the whole of `path` matches. */
  test(path: string): boolean {
    const initial = new Uint8Array(this.tokens.length + 1);
    initial[0] = 1;
    let current = this.closure(initial);
    for (let i = 0; i < path.length; i++) {
      const char = path[i];
      const next = new Uint8Array(this.tokens.length + 1);
      let alive = false;
      for (let at = 0; at < this.tokens.length; at++) {
        if (!current[at]) continue;
        const token = this.tokens[at];
        if (token.kind === 'literal' ? token.char === char : token.kind === 'globstar' || char !== '/') {
          next[token.kind === 'literal' ? at + 1 : at] = 1;
          alive = true;
        }
      }
      if (!alive) return false;
      current = this.closure(next);
    }
    return current[this.tokens.length] === 1;
  }

  /** Adds the positions reachable without reading a character: past each wildcard, which may match nothing. */
  private closure(states: Uint8Array): Uint8Array {
    for (let at = 0; at < this.tokens.length; at++) {
      if (states[at] && this.tokens[at].kind !== 'literal') states[at + 1] = 1;
    }
    return states;
  }
}
