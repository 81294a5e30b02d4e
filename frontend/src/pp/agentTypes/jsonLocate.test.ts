import { describe, expect, it } from 'vitest';
import { pointerSegments } from './definitionParts';
import { locate } from './jsonLocate';

const text = JSON.stringify(
  {
    'a/b': { widget: 'text' },
    goal_templates: [{ goal_template_id: 'one', skill_binding: 'x' }, { goal_template_id: 'two', skill_binding: 'y "q"' }],
    empty: {},
  },
  null,
  2,
);

const at = (pointer: string) => {
  const range = locate(text, pointerSegments(pointer));
  return range && text.slice(range.start, range.end);
};

describe('locating a JSON pointer in the editor text', () => {
  it('finds a member of an array element, not the same member of an earlier one', () => {
    expect(at('/goal_templates/1/skill_binding')).toBe('"y \\"q\\""');
  });

  it('unescapes ~1 and ~0 in pointer segments', () => {
    expect(at('/a~1b/widget')).toBe('"text"');
  });

  it('answers the whole value for a container', () => {
    expect(JSON.parse(at('/goal_templates/0')!)).toEqual({ goal_template_id: 'one', skill_binding: 'x' });
  });

  it('falls back to the deepest container when the member is missing', () => {
    expect(at('/empty/widget')).toBe('{');
    expect(at('/goal_templates/7/skill_binding')).toBe('[');
  });

  it('gives up on text that is not JSON', () => {
    expect(locate('{ nope', ['a'])).toBeNull();
  });
});
