/**
 * Finds where a JSON text goes wrong, as line and column. `JSON.parse` messages differ between engines and V8
 * omits the position for some errors ("Unexpected token 'x', ... is not valid JSON"), so the import's "malformed
 * JSON at line L, column C" comes from this small RFC 8259 scanner instead. Also bounds nesting depth (a file of
 * 100,000 "[" would otherwise be accepted by JSON.parse and then blow the stack of anything recursive).
 * Pure.
 */

export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

const MAX_JSON_DEPTH = 64;

export function checkJsonSyntax(text: string, maxDepth = MAX_JSON_DEPTH): JsonSyntaxError | null {
  let i = 0;
  const err = (message: string, at = i): JsonSyntaxError => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return { offset: at, line, column: col, message };
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const show = (at: number) => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));

  function str(): JsonSyntaxError | null {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return err('a line break or control character inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return err('a bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return err('a bad escape in a string');
      } else i++;
    }
    return err('a string that is never closed', text.length);
  }

  function num(): JsonSyntaxError | null {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return err(`unexpected ${show(i)}`);
    i += m[0].length;
    return null;
  }

  function value(depth: number): JsonSyntaxError | null {
    ws();
    if (i >= text.length) return err('unexpected end of the file (a value is missing)');
    const c = text[i]!;
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) return err(`nesting deeper than ${maxDepth} levels`);
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return null;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') return err(`expected a property name in double quotes, found ${show(i)}`);
          const e = str();
          if (e) return e;
          ws();
          if (text[i] !== ':') return err(`expected ":" after a property name, found ${show(i)}`);
          i++;
        }
        const e = value(depth + 1);
        if (e) return e;
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === close) return err(`a trailing comma before "${close}"`);
          continue;
        }
        if (text[i] === close) {
          i++;
          return null;
        }
        return err(`expected "," or "${close}", found ${show(i)}`);
      }
    }
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return null;
      }
    }
    return err(`unexpected ${show(i)}`);
  }

  // A UTF-8 byte order mark is not JSON; say so rather than "unexpected character".
  if (text.charCodeAt(0) === 0xfeff) return err('the file starts with a byte order mark', 0);
  const e = value(0);
  if (e) return e;
  ws();
  if (i < text.length) return err(`unexpected ${show(i)} after the end of the JSON value`);
  return null;
}
