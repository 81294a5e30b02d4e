import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UiHints } from './fields';
import { SchemaFields } from './SchemaForm';
import type { JsonSchema } from './schema';
import { useSchemaForm } from './useSchemaForm';
import type { Violation } from './validate';

const schema: JsonSchema = {
  type: 'object',
  required: ['brand_name', 'review_policy', 'hashtags'],
  properties: {
    brand_name: { type: 'string', minLength: 1 },
    review_policy: { type: 'string', const: 'approve_every_post' },
    hashtags: { type: 'array', items: { type: 'string', pattern: '^#[A-Za-z0-9]+$' } },
  },
};

const hints: UiHints = {
  brand_name: { label: 'Brand name', order: 1 },
  review_policy: { label: 'Review policy', order: 2 },
  hashtags: {
    label: 'Hashtags',
    order: 3,
    widget: 'list',
    pattern_help: 'a hashtag: # then letters and digits',
    examples: ['#FluShot'],
  },
};

function Form({ serverErrors = [] }: { serverErrors?: Violation[] }) {
  const form = useSchemaForm({ schema, hints, initial: {}, serverErrors });
  return (
    <form
      aria-label="form"
      onSubmit={(event) => {
        event.preventDefault();
        form.markSubmitted();
      }}
    >
      <SchemaFields form={form} idPrefix="t" />
      <button type="submit">Save</button>
    </form>
  );
}

// What the server says about a fresh, empty saved config.
const freshViolations: Violation[] = [
  { pointer: '/brand_name', message: "Required property 'brand_name' not found" },
  { pointer: '/review_policy', message: "Required property 'review_policy' not found" },
  { pointer: '/hashtags', message: "Required property 'hashtags' not found" },
];

describe('forms that help', () => {
  it('opens a fresh form without errors, and shows them once the customer tries to save', async () => {
    render(<Form serverErrors={freshViolations} />);

    expect(screen.queryByText(/Required property/)).not.toBeInTheDocument();
    expect(screen.queryByText(/is required/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByRole('textbox', { name: 'Brand name' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a field\'s error once it was touched', async () => {
    render(<Form />);
    const brand = screen.getByRole('textbox', { name: 'Brand name' });

    await userEvent.type(brand, 'x');
    await userEvent.clear(brand);

    expect(brand).toHaveAccessibleDescription(/Brand name/);
  });

  it('shows a fixed (const) field as a read-only fact, never as an error', async () => {
    render(<Form serverErrors={freshViolations} />);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.queryByText(/review_policy/)).not.toBeInTheDocument();
    expect(screen.getByText(/Review policy/).closest('.field')).not.toHaveClass('field-invalid');
  });

  it('explains a pattern failure with the definition\'s words and an example', async () => {
    render(<Form />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Add to Hashtags' }), 'flu shot{Enter}');

    expect(screen.getByText(/must be a hashtag: # then letters and digits \(for example #FluShot\)/)).toBeInTheDocument();
    expect(screen.queryByText(/expected format/)).not.toBeInTheDocument();
  });
});
