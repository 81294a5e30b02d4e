/** Where a value sits in a JSON text: [start, end) character offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Finds the text of the value a JSON pointer's segments name inside `text`, so the editor can
 * select the spot a guardrail complains about. When the path goes further than the text (a
 * member that is missing), it answers the deepest container that exists. Null when the text is
 * not JSON enough to walk.
 */
export function locate(text: string, segments: string[]): TextRange | null {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) {
      i++;
    }
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      i += text[i] === '\\' ? 2 : 1;
    }
    i++;
  };
  const readString = (): string | null => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return null;
    }
  };
  const skipValue = () => {
    skipSpace();
    const first = text[i];
    if (first === '"') {
      skipString();
      return;
    }
    if (first === '{' || first === '[') {
      let depth = 0;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === '{' || c === '[') {
          depth++;
        } else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i])) {
      i++;
    }
  };
  const skipComma = () => {
    skipSpace();
    if (text[i] === ',') {
      i++;
    }
  };

  const find = (depth: number): TextRange | null => {
    skipSpace();
    const start = i;
    if (depth === segments.length) {
      skipValue();
      return i > start ? { start, end: i } : null;
    }
    const wanted = segments[depth];
    if (text[i] === '{') {
      i++;
      for (;;) {
        skipSpace();
        if (i >= text.length || text[i] === '}') {
          return { start, end: start + 1 };
        }
        if (text[i] !== '"') {
          return null;
        }
        const keyStart = i;
        const key = readString();
        skipSpace();
        if (text[i] !== ':') {
          return null;
        }
        i++;
        if (key === wanted) {
          return find(depth + 1) ?? { start: keyStart, end: i };
        }
        skipValue();
        skipComma();
      }
    }
    if (text[i] === '[') {
      const index = Number(wanted);
      i++;
      for (let n = 0; ; n++) {
        skipSpace();
        if (i >= text.length || text[i] === ']') {
          return { start, end: start + 1 };
        }
        if (n === index) {
          return find(depth + 1);
        }
        skipValue();
        skipComma();
      }
    }
    return null;
  };
  return find(0);
}
