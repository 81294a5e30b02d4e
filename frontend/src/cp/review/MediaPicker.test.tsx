import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '../../test/http';
import type { Handler, RecordedCall } from '../../test/http';
import { draftPanel, openReviewTab } from '../../test/reviewFixtures';
import type { Deliverable } from '../cpApi';

// A post's image comes from the customer's media library, picked (or uploaded) in Review.

const instagramPost: Deliverable = {
  deliverable_id: 'del-ig',
  goal_instance_id: 'goal-1',
  kind: 'social_post',
  title: 'Healthy smiles',
  state: 'pending_review',
  payload: { platform: 'instagram', text: 'Healthy smiles start early', hashtags: ['#Smiles'], character_limit: 2200, length: 26 },
  proposed_actions: ['publish'],
};

const library = {
  media: [
    { media_id: '11111111-1111-4111-8111-111111111111', content_type: 'image/jpeg', size_bytes: 1200, file_name: 'clinic.jpg' },
    { media_id: '22222222-2222-4222-8222-222222222222', content_type: 'image/png', size_bytes: 900, file_name: 'team.png' },
  ],
};

function image(type = 'image/jpeg'): Response {
  return new Response(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type }), {
    status: 200,
    headers: { 'Content-Type': type },
  });
}

function openDetail(deliverable: Deliverable, extra: Record<string, Handler> = {}) {
  return openReviewTab([deliverable], {
    'GET /api/cp/media': json(200, library),
    [`GET /api/cp/media/${library.media[0].media_id}/content`]: image(),
    [`GET /api/cp/media/${library.media[1].media_id}/content`]: image('image/png'),
    ...extra,
  });
}

function edits(calls: RecordedCall[], id: string): RecordedCall[] {
  return calls.filter((call) => call.method === 'PUT' && call.path === `/api/cp/deliverables/${id}`);
}

describe('Review tab: the media picker', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:thumbnail');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says an Instagram post has no image and attaches one picked from the media library', async () => {
    const calls = openDetail(instagramPost, {
      'PUT /api/cp/deliverables/del-ig': (call) => json(200, { ...instagramPost, payload: (call.body as Deliverable).payload }),
    });
    const panel = await draftPanel('Healthy smiles');
    const picker = within(panel).getByRole('region', { name: 'Image' });

    expect(picker).toHaveTextContent('Instagram needs an image with every post, and this one has none');
    expect(picker).toHaveTextContent('or publish it on Instagram by hand');
    await userEvent.click(within(picker).getByRole('button', { name: 'Choose an image' }));
    const shelf = await within(picker).findByRole('group', { name: 'Your media library' });
    await waitFor(() => expect(within(shelf).getByRole('img', { name: 'clinic.jpg' })).toHaveAttribute('src', 'blob:thumbnail'));
    await userEvent.click(within(shelf).getByRole('button', { name: 'Use clinic.jpg' }));

    expect(await within(picker).findByRole('status')).toHaveTextContent(
      'Image attached. The draft is waiting for review again.',
    );
    expect(edits(calls, 'del-ig')[0].body).toEqual({
      payload: { ...instagramPost.payload, image: { media_id: library.media[0].media_id } },
    });
  });

  it('uploads a new PNG from the picker into the library and attaches it; refuses other files before sending', async () => {
    const uploaded = { media_id: '33333333-3333-4333-8333-333333333333', content_type: 'image/png', size_bytes: 4 };
    const calls = openDetail(instagramPost, {
      'POST /api/cp/media': json(201, uploaded),
      'PUT /api/cp/deliverables/del-ig': (call) => json(200, { ...instagramPost, payload: (call.body as Deliverable).payload }),
    });
    const panel = await draftPanel('Healthy smiles');
    await userEvent.click(within(panel).getByRole('button', { name: 'Choose an image' }));
    const input = within(panel).getByLabelText('Upload a new image (JPEG or PNG, up to 8 MB)');

    await userEvent.upload(input, new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }), { applyAccept: false });
    expect(within(panel).getByText('anim.gif is not a JPEG or PNG image.')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/cp/media')).toBe(false);

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'smile.png', { type: 'image/png' });
    await userEvent.upload(input, png);

    await waitFor(() => expect(edits(calls, 'del-ig')).toHaveLength(1));
    const upload = calls.find((call) => call.method === 'POST' && call.path === '/api/cp/media')!;
    expect(upload.headers.get('Content-Type')).toBe('image/png');
    expect(upload.search).toBe('?name=smile.png');
    expect(upload.body).toBe(png);
    expect(edits(calls, 'del-ig')[0].body).toEqual({ payload: { ...instagramPost.payload, image: { media_id: uploaded.media_id } } });
  });

  it('shows the server refusing an upload in words, and a picked image that is not the customer’s as a problem', async () => {
    openDetail(instagramPost, {
      'POST /api/cp/media': problem(400, {
        title: 'Bad Request',
        errors: [{ pointer: '/file', message: 'is not a PNG image: its first bytes say otherwise' }],
      }),
      'PUT /api/cp/deliverables/del-ig': problem(400, {
        title: 'Bad Request',
        detail: 'payload image media_id is not an image of your media library',
      }),
    });
    const panel = await draftPanel('Healthy smiles');
    await userEvent.click(within(panel).getByRole('button', { name: 'Choose an image' }));

    await userEvent.upload(
      within(panel).getByLabelText('Upload a new image (JPEG or PNG, up to 8 MB)'),
      new File(['not really'], 'fake.png', { type: 'image/png' }),
    );
    expect(
      await within(panel).findByText('The image was not uploaded: the file is not a PNG image: its first bytes say otherwise.'),
    ).toBeInTheDocument();

    await userEvent.click(await within(panel).findByRole('button', { name: 'Use team.png' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('not an image of your media library');
  });

  it('lets a post that failed for want of an image get one, so it can be retried', async () => {
    const failed: Deliverable = { ...instagramPost, state: 'failed', retryable: true, failure_reason: 'image_required' };
    const calls = openDetail(failed, {
      'PUT /api/cp/deliverables/del-ig': (call) => json(200, { ...failed, payload: (call.body as Deliverable).payload }),
    });
    const panel = await draftPanel('Healthy smiles');

    await userEvent.click(within(panel).getByRole('button', { name: 'Choose an image' }));
    await userEvent.click(await within(panel).findByRole('button', { name: 'Use team.png' }));

    await waitFor(() => expect(edits(calls, 'del-ig')).toHaveLength(1));
    expect(edits(calls, 'del-ig')[0].body).toEqual({
      payload: { ...instagramPost.payload, image: { media_id: library.media[1].media_id } },
    });
  });

  it('shows the attached image and lets the customer remove it; an approval is said to stop counting', async () => {
    const attached: Deliverable = {
      ...instagramPost,
      state: 'approved',
      approval: { approval_id: 'appr-1', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
      payload: { ...instagramPost.payload, image: { media_id: library.media[1].media_id } },
    };
    const calls = openDetail(attached, {
      'PUT /api/cp/deliverables/del-ig': (call) => json(200, { ...attached, payload: (call.body as Deliverable).payload }),
    });
    const panel = await draftPanel('Healthy smiles');
    const picker = within(panel).getByRole('region', { name: 'Image' });

    expect(await within(picker).findByRole('img', { name: 'Image attached to this post' })).toBeInTheDocument();
    expect(picker).not.toHaveTextContent('needs an image');
    await userEvent.click(within(picker).getByRole('button', { name: 'Change image' }));
    expect(within(picker).getByText(/its approval no longer counts/)).toBeInTheDocument();
    expect(within(picker).getByRole('button', { name: 'Attached' })).toBeDisabled();
    await userEvent.click(within(picker).getByRole('button', { name: 'Remove image' }));

    expect(await within(picker).findByRole('status')).toHaveTextContent('Image removed.');
    expect(edits(calls, 'del-ig')[0].body).toEqual({ payload: instagramPost.payload });
  });
});
