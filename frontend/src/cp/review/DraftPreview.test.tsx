import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInCustomer } from '../../test/cpFixtures';
import { stubBackend } from '../../test/http';
import type { Deliverable } from '../cpApi';
import { DraftPreview, linksIn } from './DraftPreview';

// Each platform's post as the platform would show it.

function post(payload: Record<string, unknown>): Deliverable {
  return { deliverable_id: 'del-1', kind: 'social_post', state: 'pending_review', payload };
}

function show(deliverable: Deliverable, compact = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DraftPreview deliverable={deliverable} compact={compact} />
    </QueryClientProvider>,
  );
}

describe('DraftPreview: the post as its platform shows it', () => {
  beforeEach(() => {
    signedInCustomer();
    URL.createObjectURL = vi.fn(() => 'blob:post-image');
    URL.revokeObjectURL = vi.fn();
    stubBackend({
      'GET /api/cp/media/11111111-1111-4111-8111-111111111111/content': new Response(
        new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
        { status: 200, headers: { 'Content-Type': 'image/jpeg' } },
      ),
    });
  });

  it('shows the author, text, hashtags not already in the text, links and a length bar against the limit', () => {
    show(
      post({
        platform: 'linkedin',
        brand_name: 'Sunrise Clinic',
        text: 'Flu shots this week at https://sunrise.example/flu. #FluShot',
        hashtags: ['#FluShot', '#Pune'],
        length: 58,
        character_limit: 3000,
      }),
    );
    const figure = screen.getByRole('figure', { name: 'LinkedIn preview' });

    expect(within(figure).getByText('Sunrise Clinic')).toBeInTheDocument();
    expect(within(figure).getByLabelText('Hashtags')).toHaveTextContent(/^#Pune$/);
    expect(within(within(figure).getByRole('list', { name: 'Links' })).getByRole('link', { name: 'sunrise.example' }))
      .toHaveAttribute('href', 'https://sunrise.example/flu');
    const meter = within(figure).getByRole('meter', { name: "Length against LinkedIn's limit" });
    expect(meter).toHaveAttribute('aria-valuenow', '58');
    expect(meter).toHaveAttribute('aria-valuemax', '3000');
    expect(within(figure).getByText('58 / 3000 characters')).toHaveTextContent('58 / 3000 characters — 2942 left');
  });

  it('says in words, and on the bar, how far a post is over its platform limit', () => {
    show(post({ platform: 'x', text: 'y'.repeat(300), length: 300, character_limit: 280 }));

    const meter = screen.getByRole('meter', { name: "Length against X's limit" });
    expect(meter).toHaveAttribute('aria-valuetext', "300 / 280 characters — 20 over X's limit");
    expect(meter.closest('.length-bar')).toHaveClass('over');
    expect(screen.getByText(/300 \/ 280 characters/)).toHaveTextContent('— 20 over the limit');
  });

  it('shows the attached image as the platform would, and that Instagram needs one when none is attached', async () => {
    show(post({ platform: 'instagram', text: 'Smiles', image: { media_id: '11111111-1111-4111-8111-111111111111' } }));
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Image attached to the Instagram post' })).toHaveAttribute(
        'src',
        'blob:post-image',
      ),
    );

    show(post({ platform: 'instagram', text: 'No picture' }), true);
    expect(screen.getByText('Instagram needs an image — none attached')).toBeInTheDocument();
  });

  it('finds links without trailing punctuation, once each', () => {
    expect(linksIn('See https://a.example/x. And http://b.example, and https://a.example/x!')).toEqual([
      'https://a.example/x',
      'http://b.example',
    ]);
  });
});
