import { segment } from '../../shared/api';
import { bearer, client } from './client';

// The customer's media library: image bytes travel as themselves, not as JSON.

/** An image of the customer's media library (its bytes are fetched apart, with mediaContent). */
export interface MediaAsset {
  media_id: string;
  content_type: string;
  size_bytes: number;
  file_name?: string | null;
  created_at?: string;
}

/** An image of the customer's media library, as a blob (the preview needs the bearer token). */
async function mediaContent(mediaId: string): Promise<Blob> {
  const response = await fetch(`/api/cp/media/${segment(mediaId)}/content`, { headers: bearer() });
  if (!response.ok) {
    throw new Error(`the image could not be loaded (HTTP ${response.status})`);
  }
  return response.blob();
}

/** The upload takes the file's raw bytes, typed image/jpeg or image/png; the backend checks them by their first bytes. */
async function uploadMedia(file: File): Promise<MediaAsset> {
  const name = file.name ? `?name=${encodeURIComponent(file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120))}` : '';
  const response = await fetch(`/api/cp/media${name}`, {
    method: 'POST',
    headers: { 'Content-Type': file.type, ...bearer() },
    body: file,
  });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (answer ?? {}) as { detail?: string; errors?: { message?: string }[] };
    const reason = problem.errors?.[0]?.message ?? problem.detail ?? `HTTP ${response.status}`;
    throw new Error(`The image was not uploaded: the file ${reason}.`);
  }
  return answer as MediaAsset;
}

export const mediaApi = {
  mediaContent,
  uploadMedia,
  media: () => client.get<{ media: MediaAsset[] }>('/api/cp/media'),
};
