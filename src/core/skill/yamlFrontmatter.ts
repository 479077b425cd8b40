/** Reads frontmatter with the `yaml` package (YAML 1.1, as PyYAML does), loaded on first use. */
import type * as Yaml from 'yaml';
import type { FrontmatterContent, FrontmatterEntry, SyntaxProblem } from './parse';
import type { LineIndex } from './text';
import type { Range } from './types';
import { messageOf } from '../messageOf';

/** How many aliases a value may expand before reading stops: bounds "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

let yamlModule: typeof Yaml | undefined;

/** The `yaml` package, required lazily: a fresh process that never needs it never pays for loading it. */
function loadYaml(): typeof Yaml {
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}

/** Reads the frontmatter between the delimiter lines `firstLine - 1` and `closeLine`. Never throws. */
export function parseFrontmatterWithYaml(lines: LineIndex, firstLine: number, closeLine: number): FrontmatterContent {
  const base = lines.lineStarts[firstLine];
  // A lone carriage return is a line break for YAML and editors, but not for the `yaml` package: make it a
  // line feed (same length, so offsets hold).
  const source = lines.text.slice(base, lines.lineStarts[closeLine]).replace(/\r(?!\n)/g, '\n');
  const last = trimEnd(source, 0, source.length);
  const span = (start: number, end: number): Range => {
    const from = Math.min(start, last);
    return lines.rangeOf(base + from, base + trimEnd(source, from, Math.max(from, Math.min(end, last))));
  };
  try {
    const yaml = loadYaml();
    const doc = yaml.parseDocument(source, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
    if (doc.errors.length > 0) {
      return {
        entries: [],
        problems: doc.errors.map((e) => ({ message: describeError(e), range: span(e.pos[0], Math.max(e.pos[1], e.pos[0])) })),
      };
    }
    const contents = doc.contents;
    if (contents === null || (yaml.isScalar(contents) && contents.value === null)) return { entries: [], problems: [] };
    if (!yaml.isMap(contents)) {
      const [start, end] = contents.range ?? [0, source.length];
      return { entries: [], problems: [], notMapping: span(start, end) };
    }
    const toValue = (node: unknown): unknown => (yaml.isNode(node) ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : node);
    const readMap = (map: Yaml.YAMLMap): FrontmatterEntry[] =>
      map.items.map((pair) => {
        const keyNode = pair.key;
        const [keyStart, keyEnd] = (yaml.isNode(keyNode) && keyNode.range) || [0, 0];
        const keyValue = toValue(keyNode);
        const valueNode = pair.value;
        const valueSpan = yaml.isNode(valueNode) && valueNode.range ? valueNode.range : [keyEnd, keyEnd];
        const children = yaml.isMap(valueNode) ? readMap(valueNode) : undefined;
        return {
          key: typeof keyValue === 'string' ? keyValue : source.slice(keyStart, keyEnd),
          keyRange: span(keyStart, keyEnd),
          valueRange: span(valueSpan[0], valueSpan[1]),
          value: toValue(valueNode),
          ...(children ? { children } : {}),
        };
      });
    return { entries: readMap(contents), problems: [] };
  } catch (error) {
    return { entries: [], problems: [unreadable(error, lines.rangeOf(base, base + source.length))] };
  }
}

function describeError(error: Yaml.YAMLError): string {
  const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `The frontmatter is not valid YAML: ${firstLine}.`.replace(/\.\.$/, '.');
}

function unreadable(error: unknown, range: Range): SyntaxProblem {
  const reason = error instanceof RangeError ? 'it is nested too deeply' : messageOf(error);
  return { message: `The frontmatter could not be read: ${reason}. Simplify it to plain \`key: value\` lines.`, range };
}

/** `end` moved back over trailing white space, not before `start`. */
function trimEnd(source: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(source[e - 1])) e--;
  return e;
}
