import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable, MediaAsset } from '../cpApi';
import { MediaThumbnail } from './MediaThumbnail';
import { PLATFORMS, mediaIdOf, platformOf } from './publishing';

const ACCEPTED = ['image/jpeg', 'image/png'];
const MAX_BYTES = 8 * 1024 * 1024;

function assetName(asset: MediaAsset): string {
  return asset.file_name || `Image ${asset.media_id.slice(0, 8)}`;
}

/**
 * The image attached to a post, picked from the customer's media library (or uploaded into it
 * here). Attaching, changing or removing it edits the draft: it goes back to review and an
 * approval of the old post no longer counts, as with any edit.
 */
export function MediaPicker({
  deliverable,
  hiredInstanceId,
  editable,
}: {
  deliverable: Deliverable;
  hiredInstanceId: string;
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [fileProblem, setFileProblem] = useState<string>();
  const attached = mediaIdOf(deliverable.payload);
  const code = platformOf(deliverable.payload);
  const platform = code ? PLATFORMS[code] : undefined;
  const needsImage = Boolean(platform?.imageRequired) && !attached;
  const approved = deliverable.approval?.verdict === 'approved';

  const library = useQuery({
    queryKey: cpQueryKeys.media,
    queryFn: cpApi.media,
    enabled: open,
  });
  const attach = useMutation({
    mutationFn: (mediaId: string | null) => {
      const payload: Record<string, unknown> = { ...(deliverable.payload ?? {}) };
      if (mediaId) {
        payload.image = { media_id: mediaId };
      } else {
        delete payload.image;
      }
      return cpApi.editDeliverable(deliverable.deliverable_id, { payload });
    },
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => cpApi.uploadMedia(file),
    onSuccess: (asset) => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.media });
      attach.mutate(asset.media_id);
    },
  });
  const chooseFile = (file: File | undefined) => {
    setFileProblem(undefined);
    if (!file) {
      return;
    }
    if (!ACCEPTED.includes(file.type)) {
      setFileProblem(`${file.name} is not a JPEG or PNG image.`);
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileProblem(`${file.name} is larger than 8 MB.`);
      return;
    }
    upload.mutate(file);
  };
  const busy = attach.isPending || upload.isPending;

  return (
    <section className="media-picker" aria-labelledby={headingId}>
      <h4 id={headingId}>Image</h4>
      {attached ? (
        <div className="media-attached">
          <MediaThumbnail mediaId={attached} alt="Image attached to this post" />
        </div>
      ) : needsImage ? (
        <p className="alert alert-warning">
          {platform!.label} needs an image with every post, and this one has none. Choose one from your media library
          {editable ? ' below' : ''}, or publish it on {platform!.label} by hand.
        </p>
      ) : (
        <p className="muted">No image attached.</p>
      )}
      {editable && (
        <div className="button-row">
          <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)} disabled={busy}>
            {open ? 'Close media library' : attached ? 'Change image' : 'Choose an image'}
          </button>
          {attached && (
            <button type="button" className="secondary" disabled={busy} onClick={() => attach.mutate(null)}>
              Remove image
            </button>
          )}
        </div>
      )}
      {editable && open && (
        <div className="media-library" role="group" aria-label="Your media library">
          {approved && (
            <p className="muted small">Changing the image sends the post back to review; its approval no longer counts.</p>
          )}
          {library.isPending && <p className="muted">Loading your images…</p>}
          {library.isError && <ProblemAlert error={library.error} />}
          {library.data && library.data.media.length === 0 && (
            <p className="muted">Your media library is empty. Upload an image below.</p>
          )}
          {library.data && library.data.media.length > 0 && (
            <ul className="media-grid">
              {library.data.media.map((asset) => (
                <li key={asset.media_id} className={asset.media_id === attached ? 'media-current' : undefined}>
                  <MediaThumbnail mediaId={asset.media_id} alt={assetName(asset)} />
                  <span className="small">{assetName(asset)}</span>
                  <button
                    type="button"
                    disabled={busy || asset.media_id === attached}
                    onClick={() => attach.mutate(asset.media_id)}
                  >
                    {asset.media_id === attached ? 'Attached' : `Use ${assetName(asset)}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={fileId}>Upload a new image (JPEG or PNG, up to 8 MB)</label>
          <input
            id={fileId}
            type="file"
            accept={ACCEPTED.join(',')}
            disabled={busy}
            onChange={(event) => chooseFile(event.target.files?.[0])}
          />
          {upload.isPending && <p className="muted">Uploading…</p>}
          {fileProblem && <p className="alert alert-error">{fileProblem}</p>}
          {upload.isError && <p className="alert alert-error">{upload.error.message}</p>}
        </div>
      )}
      {attach.isPending && <p className="muted">Saving…</p>}
      {attach.isSuccess && (
        <p role="status" className="alert alert-success">
          {attach.variables ? 'Image attached.' : 'Image removed.'} The draft is waiting for review again.
        </p>
      )}
      {attach.isError && <ProblemAlert error={attach.error} />}
    </section>
  );
}
