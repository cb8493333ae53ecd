/**
 * A small renderer for the subset of Go text/template + Sprig that charts/soraaya uses,
 * so the chart can be rendered and checked here without a helm binary. It follows Go's
 * rules where they matter for correctness:
 *   - `{{-` / `-}}` trim the whitespace beside an action;
 *   - truthiness: false, 0, nil, "" and empty lists/maps are false;
 *   - a missing map key is nil (printed as ""), but a field of nil is an error
 *     ("nil pointer evaluating"), as in helm;
 *   - range over a map visits keys in sorted order; `and`/`or` return an operand;
 *   - numbers print as Go's %v prints float64 (helm parses values as float64:
 *     1048576 prints 1.048576e+06), so a template that would mangle a number fails here too.
 * Supported: define, include, if/else if/else, range ($k, $v :=), with, := and =, parenthesised
 * pipelines, and the functions in FUNCS. Anything else is a parse or render error, never
 * silently skipped: the chart test also asserts every template parses.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';

type Value = unknown;
type Dict = Record<string, Value>;

interface Operand {
  kind: 'field' | 'var' | 'string' | 'number' | 'bool' | 'nil' | 'ident' | 'sub';
  name?: string;
  path?: string[];
  value?: Value;
  sub?: Pipeline;
}
interface Command {
  args: Operand[];
}
interface Pipeline {
  decl?: { names: string[]; op: ':=' | '=' };
  cmds: Command[];
}
type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; pipe: Pipeline }
  | { type: 'if'; branches: { cond: Pipeline; body: Node[] }[]; otherwise?: Node[] }
  | { type: 'range'; pipe: Pipeline; body: Node[]; otherwise?: Node[] }
  | { type: 'with'; pipe: Pipeline; body: Node[]; otherwise?: Node[] };

interface RawToken {
  kind: 'text' | 'action';
  text: string;
}

// ---------------------------------------------------------------- lexing

function splitActions(src: string, file: string): RawToken[] {
  const out: RawToken[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    let text = open === -1 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open === -1) {
      if (text) out.push({ kind: 'text', text });
      break;
    }
    let inner = src.slice(open + 2);
    const trimLeft = /^-\s/.test(inner);
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text) out.push({ kind: 'text', text });
    const start = open + 2 + (trimLeft ? 1 : 0);
    // A comment runs to its `*/`, whatever it contains (even `}}`), as in Go.
    const commentAt = /^\s*\/\*/.exec(src.slice(start, start + 8));
    const commentEnd = commentAt ? src.indexOf('*/', start) : -1;
    if (commentAt && commentEnd === -1) throw new Error(`${file}: unterminated comment`);
    const close = commentAt ? src.indexOf('}}', commentEnd) : findClose(src, start, file);
    inner = src.slice(start, close);
    const trimRight = /\s-$/.test(inner);
    if (trimRight) inner = inner.slice(0, -1);
    trimNext = trimRight;
    pos = close + 2;
    const body = inner.trim();
    if (body.startsWith('/*')) {
      if (!body.endsWith('*/')) throw new Error(`${file}: unterminated comment`);
      continue;
    }
    out.push({ kind: 'action', text: body });
  }
  return out;
}

function findClose(src: string, from: number, file: string): number {
  let i = from;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
    i++;
  }
  throw new Error(`${file}: unclosed action at offset ${from}`);
}

const CHAIN = '\u0000';

function tokenizeAction(s: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      toks.push(s.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      toks.push(s.slice(i, j + 1));
      i = j + 1;
    } else if (s.startsWith(':=', i)) {
      toks.push(':=');
      i += 2;
    } else if ('|(),='.includes(c)) {
      toks.push(c);
      i++;
    } else {
      const m = /^[^\s|(),="`]+/.exec(s.slice(i));
      if (!m) throw new Error(`cannot read action: ${s}`);
      // `(pipeline).field` (no space) chains onto the parenthesised value; `) .x` is another argument
      toks.push(c === '.' && s[i - 1] === ')' ? CHAIN + m[0] : m[0]);
      i += m[0].length;
    }
  }
  return toks;
}

// ---------------------------------------------------------------- parsing

function parsePipeline(text: string): Pipeline {
  const toks = tokenizeAction(text);
  let pos = 0;
  const pipe: Pipeline = { cmds: [] };
  // declarations: `$x :=`, `$k, $v :=`, `$x =`
  const declEnd = toks.findIndex((t) => t === ':=' || t === '=');
  if (declEnd > 0 && toks.slice(0, declEnd).every((t) => t === ',' || t.startsWith('$'))) {
    pipe.decl = { names: toks.slice(0, declEnd).filter((t) => t !== ','), op: toks[declEnd] as ':=' | '=' };
    pos = declEnd + 1;
  }
  const parseCmds = (stop: string | null): Command[] => {
    const cmds: Command[] = [];
    let cur: Command = { args: [] };
    while (pos < toks.length) {
      const t = toks[pos]!;
      if (t === stop) break;
      pos++;
      if (t === '|') {
        cmds.push(cur);
        cur = { args: [] };
      } else if (t === '(') {
        const sub: Pipeline = { cmds: parseCmds(')') };
        if (toks[pos] !== ')') throw new Error(`missing ) in ${text}`);
        pos++;
        const next = toks[pos];
        const path = next?.startsWith(CHAIN) ? (pos++, next.slice(CHAIN.length).split('.').slice(1)) : [];
        cur.args.push({ kind: 'sub', sub, path });
      } else cur.args.push(parseOperand(t));
    }
    if (cur.args.length) cmds.push(cur);
    return cmds;
  };
  pipe.cmds = parseCmds(null);
  if (pos < toks.length) throw new Error(`unexpected ${toks[pos]} in ${text}`);
  return pipe;
}

function parseOperand(t: string): Operand {
  if (t.startsWith('"')) return { kind: 'string', value: JSON.parse(t) as string };
  if (t.startsWith('`')) return { kind: 'string', value: t.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  if (t === 'true' || t === 'false') return { kind: 'bool', value: t === 'true' };
  if (t === 'nil') return { kind: 'nil' };
  if (t === '.') return { kind: 'field', path: [] };
  if (t.startsWith('.')) return { kind: 'field', path: t.split('.').slice(1) };
  if (t.startsWith('$')) {
    const [name, ...path] = t.split('.');
    return { kind: 'var', name: name!, path };
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) return { kind: 'ident', name: t };
  throw new Error(`unsupported operand ${t}`);
}

function parseTemplate(src: string, file: string, defines: Map<string, Node[]>): Node[] {
  const toks = splitActions(src, file);
  let pos = 0;
  const parseList = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (pos < toks.length) {
      const tok = toks[pos++]!;
      if (tok.kind === 'text') {
        nodes.push({ type: 'text', text: tok.text });
        continue;
      }
      const a = tok.text;
      const word = a.split(/\s+/)[0]!;
      if (word === 'end' || word === 'else') {
        if (!terminators.length) throw new Error(`${file}: unexpected {{${a}}}`);
        return { nodes, end: a };
      }
      if (word === 'define') {
        const name = JSON.parse(a.slice(6).trim()) as string;
        const { nodes: body, end } = parseList(['end']);
        if (end !== 'end') throw new Error(`${file}: define ${name} not closed by end`);
        defines.set(name, body);
      } else if (word === 'if') {
        const branches = [{ cond: parsePipeline(a.slice(2)), body: [] as Node[] }];
        let otherwise: Node[] | undefined;
        for (;;) {
          const { nodes: body, end } = parseList(['end', 'else']);
          if (otherwise) otherwise = body;
          else branches[branches.length - 1]!.body = body;
          if (end === 'end') break;
          if (otherwise) throw new Error(`${file}: else after else`);
          if (/^else\s+if\s/.test(end)) branches.push({ cond: parsePipeline(end.replace(/^else\s+if\s/, '')), body: [] });
          else if (end === 'else') otherwise = [];
          else throw new Error(`${file}: unsupported {{${end}}}`);
        }
        nodes.push({ type: 'if', branches, otherwise });
      } else if (word === 'range' || word === 'with') {
        const pipe = parsePipeline(a.slice(word.length));
        const first = parseList(['end', 'else']);
        let otherwise: Node[] | undefined;
        if (first.end === 'else') {
          const second = parseList(['end']);
          if (second.end !== 'end') throw new Error(`${file}: ${word} not closed`);
          otherwise = second.nodes;
        } else if (first.end !== 'end') throw new Error(`${file}: unsupported {{${first.end}}}`);
        nodes.push({ type: word, pipe, body: first.nodes, otherwise });
      } else if (['template', 'block', 'break', 'continue', 'tpl'].includes(word)) {
        throw new Error(`${file}: {{${word}}} is outside the supported subset`);
      } else {
        nodes.push({ type: 'action', pipe: parsePipeline(a) });
      }
    }
    if (terminators.length) throw new Error(`${file}: missing {{end}}`);
    return { nodes, end: '' };
  };
  return parseList([]).nodes;
}

// ---------------------------------------------------------------- values

export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** fmt.Sprint of a float64, as helm prints a number read from values. */
function goNumber(n: number): string {
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  // strconv 'g' with shortest precision switches to an exponent at 1e6 (and below 1e-4)
  if (exp >= -4 && exp < 6) return String(n);
  const [m, e] = n.toExponential().split('e');
  const en = Number(e);
  return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
}

function str(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  throw new Error(`cannot print a ${Array.isArray(v) ? 'list' : 'map'} (${JSON.stringify(v).slice(0, 80)}): use toYaml`);
}

function isDict(v: Value): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(v: Value, path: string[], what: string): Value {
  let cur = v;
  for (const key of path) {
    if (cur === null || cur === undefined) throw new Error(`nil pointer evaluating ${what}.${key}`);
    if (!isDict(cur)) throw new Error(`can't evaluate field ${key} in ${what}`);
    cur = cur[key];
  }
  return cur;
}

function toYaml(v: Value): string {
  if (v === undefined || v === null) return 'null';
  return stringify(v, { sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, '');
}

const indentBy = (n: number, s: string) =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

function printf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(/%[svdq%]/g, (m) => {
    if (m === '%%') return '%';
    const a = args[i++];
    if (m === '%q') return JSON.stringify(str(a));
    if (m === '%d') return String(Math.trunc(Number(a)));
    return str(a);
  });
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new Error(`incompatible types for comparison: ${typeof a} and ${typeof b}`);
}

type Fn = (...args: Value[]) => Value;

// ---------------------------------------------------------------- rendering

export interface RenderContext {
  Values: Dict;
  Release: Dict;
  Chart: Dict;
  Capabilities?: Dict;
}

export class Chart {
  private readonly defines = new Map<string, Node[]>();
  private readonly files = new Map<string, Node[]>();
  private includeDepth = 0;

  /** Parses every template; `files` maps a file name to its text (helpers and manifests). */
  constructor(files: Record<string, string>) {
    for (const [name, text] of Object.entries(files)) this.files.set(name, parseTemplate(text, name, this.defines));
  }

  get defineNames(): string[] {
    return [...this.defines.keys()];
  }

  /** Renders each manifest and NOTES.txt (helpers, named `_*`, only through include), as helm template does. */
  render(ctx: RenderContext): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, nodes] of this.files) {
      if (name.startsWith('_') || !(name.endsWith('.yaml') || name === 'NOTES.txt')) continue;
      out[name] = this.exec(nodes, ctx, [new Map([['$', ctx as Value]])]);
    }
    return out;
  }

  private readonly funcs: Record<string, Fn> = {
    include: (name, data) => {
      const body = this.defines.get(String(name));
      if (!body) throw new Error(`no template "${String(name)}"`);
      if (++this.includeDepth > 50) throw new Error('include nested too deep');
      try {
        return this.exec(body, data, [new Map([['$', data]])]);
      } finally {
        this.includeDepth--;
      }
    },
    toYaml: (v) => toYaml(v),
    nindent: (n, s) => '\n' + indentBy(Number(n), str(s)),
    indent: (n, s) => indentBy(Number(n), str(s)),
    default: (d, v) => (truthy(v) ? v : d),
    empty: (v) => !truthy(v),
    quote: (...args) =>
      args
        .filter((a) => a !== null && a !== undefined)
        .map((a) => JSON.stringify(str(a)))
        .join(' '),
    toString: (v: Value) => str(v),
    printf: (f, ...args) => printf(String(f), args),
    dict: (...kv) => {
      const d: Dict = {};
      for (let i = 0; i < kv.length; i += 2) d[str(kv[i])] = kv[i + 1];
      return d;
    },
    list: (...items) => items,
    set: (d, k, v) => {
      (d as Dict)[str(k)] = v;
      return d;
    },
    hasKey: (d, k) => isDict(d) && Object.prototype.hasOwnProperty.call(d, str(k)),
    index: (v, ...keys) => {
      let cur = v;
      for (const k of keys) {
        if (cur === null || cur === undefined) throw new Error(`index of nil with ${str(k)}`);
        cur = Array.isArray(cur) ? cur[Number(k)] : (cur as Dict)[str(k)];
      }
      return cur;
    },
    eq: (a, ...bs) => bs.some((b) => a === b),
    ne: (a, b) => a !== b,
    lt: (a, b) => compare(a, b) < 0,
    gt: (a, b) => compare(a, b) > 0,
    ge: (a, b) => compare(a, b) >= 0,
    not: (v) => !truthy(v),
    trim: (s) => str(s).trim(),
    trunc: (n, s) => str(s).slice(0, Number(n)),
    trimSuffix: (suf, s) => (str(s).endsWith(str(suf)) ? str(s).slice(0, -str(suf).length || undefined) : str(s)),
    contains: (sub, s) => str(s).includes(str(sub)),
    required: (msg, v) => {
      if (v === null || v === undefined || v === '') throw new Error(str(msg));
      return v;
    },
    fail: (msg) => {
      throw new Error(str(msg));
    },
    sha256sum: (s) => createHash('sha256').update(str(s)).digest('hex'),
    ternary: (a, b, cond) => (truthy(cond) ? a : b),
    join: (sep, l) => (l as Value[]).map(str).join(str(sep)),
    int: (v) => Math.trunc(Number(v)),
  };

  private lookupVar(scopes: Map<string, Value>[], name: string): Value {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(name)) return scopes[i]!.get(name);
    throw new Error(`undefined variable ${name}`);
  }

  private evalOperand(op: Operand, dot: Value, scopes: Map<string, Value>[]): Value {
    switch (op.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return op.value;
      case 'nil':
        return null;
      case 'field':
        return field(dot, op.path!, '.');
      case 'var':
        return field(this.lookupVar(scopes, op.name!), op.path!, op.name!);
      case 'sub':
        return field(this.evalPipeline(op.sub!, dot, scopes), op.path!, '(...)');
      case 'ident': {
        const fn = this.funcs[op.name!];
        if (!fn) throw new Error(`function "${op.name}" not defined`);
        return fn();
      }
    }
  }

  private evalCommand(cmd: Command, dot: Value, scopes: Map<string, Value>[], piped: Value[]): Value {
    const [head, ...rest] = cmd.args;
    if (!head) throw new Error('empty command');
    if (head.kind === 'ident') {
      const name = head.name!;
      // and/or short-circuit and return an operand, as Go's do since 1.18
      if (name === 'and' || name === 'or') {
        const all = [...rest.map((r) => () => this.evalOperand(r, dot, scopes)), ...piped.map((p) => () => p)];
        let last: Value = null;
        for (const get of all) {
          last = get();
          if (name === 'and' ? !truthy(last) : truthy(last)) return last;
        }
        return last;
      }
      const fn = this.funcs[name];
      if (!fn) throw new Error(`function "${name}" not defined`);
      return fn(...rest.map((r) => this.evalOperand(r, dot, scopes)), ...piped);
    }
    if (rest.length || piped.length) throw new Error(`can't give arguments to a non-function (${JSON.stringify(head)})`);
    return this.evalOperand(head, dot, scopes);
  }

  private evalPipeline(pipe: Pipeline, dot: Value, scopes: Map<string, Value>[]): Value {
    let val: Value = undefined;
    pipe.cmds.forEach((cmd, i) => {
      val = this.evalCommand(cmd, dot, scopes, i === 0 ? [] : [val]);
    });
    if (pipe.decl) {
      const [name] = pipe.decl.names;
      if (pipe.decl.op === ':=') scopes[scopes.length - 1]!.set(name!, val);
      else {
        const scope = [...scopes].reverse().find((s) => s.has(name!));
        if (!scope) throw new Error(`undefined variable ${name}`);
        scope.set(name!, val);
      }
    }
    return val;
  }

  private exec(nodes: Node[], dot: Value, scopes: Map<string, Value>[]): string {
    let out = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out += node.text;
          break;
        case 'action': {
          const v = this.evalPipeline(node.pipe, dot, scopes);
          if (!node.pipe.decl) out += str(v);
          break;
        }
        case 'if': {
          const branch = node.branches.find((b) => truthy(this.evalPipeline(b.cond, dot, scopes)));
          const body = branch ? branch.body : node.otherwise;
          if (body) out += this.exec(body, dot, [...scopes, new Map()]);
          break;
        }
        case 'with': {
          const v = this.evalPipeline({ cmds: node.pipe.cmds }, dot, scopes);
          if (truthy(v)) out += this.exec(node.body, v, [...scopes, new Map()]);
          else if (node.otherwise) out += this.exec(node.otherwise, dot, [...scopes, new Map()]);
          break;
        }
        case 'range': {
          const v = this.evalPipeline({ cmds: node.pipe.cmds }, dot, scopes);
          const names = node.pipe.decl?.names ?? [];
          const entries: [Value, Value][] = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : isDict(v)
              ? Object.keys(v)
                  .sort()
                  .map((k) => [k, v[k]])
              : v === null || v === undefined
                ? []
                : (() => {
                    throw new Error(`range can't iterate over ${str(v)}`);
                  })();
          if (!entries.length) {
            if (node.otherwise) out += this.exec(node.otherwise, dot, [...scopes, new Map()]);
            break;
          }
          for (const [k, x] of entries) {
            const scope = new Map<string, Value>();
            if (names.length === 1) scope.set(names[0]!, x);
            if (names.length === 2) {
              scope.set(names[0]!, k);
              scope.set(names[1]!, x);
            }
            out += this.exec(node.body, x, [...scopes, scope]);
          }
          break;
        }
      }
    }
    return out;
  }
}
