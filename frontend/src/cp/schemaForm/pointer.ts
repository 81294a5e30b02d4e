// RFC 6901 JSON pointers over plain JSON values: the one address scheme shared by the schema
// validator, the server's problem `errors[].pointer` and the form's fields.

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(String(token))}`;
}

export function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeToken);
}

export function getAt(document: unknown, pointer: string): unknown {
  let current = document;
  for (const token of tokens(pointer)) {
    if (Array.isArray(current)) {
      current = current[Number(token)];
    } else if (current && typeof current === 'object') {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A copy of `document` with `value` at `pointer` (undefined removes it); missing objects are made. */
export function setAt<T>(document: T, pointer: string, value: unknown): T {
  const path = tokens(pointer);
  if (path.length === 0) {
    return value as T;
  }
  return setPath(document, path, value) as T;
}

function setPath(current: unknown, path: string[], value: unknown): unknown {
  const [token, ...rest] = path;
  const nextValue = rest.length === 0 ? value : setPath(childOf(current, token), rest, value);
  if (Array.isArray(current)) {
    const copy = [...current];
    if (nextValue === undefined) {
      copy.splice(Number(token), 1);
    } else {
      copy[Number(token)] = nextValue;
    }
    return copy;
  }
  const copy: Record<string, unknown> = current && typeof current === 'object' ? { ...(current as object) } : {};
  if (nextValue === undefined) {
    delete copy[token];
  } else {
    copy[token] = nextValue;
  }
  return copy;
}

function childOf(current: unknown, token: string): unknown {
  if (Array.isArray(current)) {
    return current[Number(token)];
  }
  return current && typeof current === 'object' ? (current as Record<string, unknown>)[token] : undefined;
}

/** True when `pointer` is `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** "/config/brand_name" → "/brand_name" for prefix "/config"; null when outside the prefix. */
export function relativeTo(pointer: string, prefix: string): string | null {
  if (pointer === prefix) {
    return '';
  }
  return pointer.startsWith(`${prefix}/`) ? pointer.slice(prefix.length) : null;
}
