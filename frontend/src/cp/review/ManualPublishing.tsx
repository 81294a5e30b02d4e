import { useId, useState } from 'react';
import { cpApi } from '../cpApi';
import type { Deliverable } from '../cpApi';
import { approvalIdOf } from './deliverableView';
import { ExecutionRequestOutcome, useExecutionRequest } from './ExecuteControl';
import { PLATFORMS, composerUrl, mediaIdOf, platformOf } from './publishing';

/**
 * Publishing by hand: the approved post is handed over (copy the text, download the image, open
 * the platform's composer), then the customer marks it posted, optionally with the post's URL.
 * Marking goes through enforcement like any execution — no approval, no marking — and is recorded
 * as published by hand.
 */
export function ManualPublishing({
  deliverable,
  hiredInstanceId,
  describedBy,
  open,
}: {
  deliverable: Deliverable;
  hiredInstanceId: string;
  describedBy: string;
  /** Shown at once (no connector can publish this post) or behind a disclosure. */
  open: boolean;
}) {
  const urlId = useId();
  const [postedUrl, setPostedUrl] = useState('');
  const [copied, setCopied] = useState(false);
  const code = platformOf(deliverable.payload) ?? '';
  const platform = PLATFORMS[code];
  const text = typeof deliverable.payload?.text === 'string' ? deliverable.payload.text : '';
  const mediaId = mediaIdOf(deliverable.payload);
  const marking = useExecutionRequest(hiredInstanceId, () =>
    cpApi.execute(deliverable.deliverable_id, {
      approval_id: approvalIdOf(deliverable),
      action: deliverable.proposed_actions?.[0],
      manual: postedUrl.trim() ? { posted_url: postedUrl.trim() } : {},
    }),
  );
  // a published post is not handed over again; a superseded one is not published at all (its replacement is)
  if (!platform || deliverable.state === 'executed' || deliverable.state === 'superseded') {
    return null;
  }
  const download = async (id: string) => {
    const blob = await cpApi.mediaContent(id);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `post-image-${id}.${blob.type === 'image/png' ? 'png' : 'jpg'}`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(text);
    setCopied(true);
  };

  const body = (
    <div className="manual-publishing">
      <p className="muted">
        {platform.connector
          ? `You can also post it on ${platform.label} yourself, then mark it posted.`
          : `No connector publishes to ${platform.label}: post it yourself, then mark it posted.`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void copy()} aria-describedby={describedBy}>
          {copied ? 'Text copied' : 'Copy text'}
        </button>
        {mediaId && (
          <button type="button" onClick={() => void download(mediaId)}>
            Download image
          </button>
        )}
        <a className="button" href={composerUrl(platform, text)} target="_blank" rel="noopener noreferrer">
          Open {platform.label}
        </a>
      </div>
      <label htmlFor={urlId}>Post URL (optional)</label>
      <input
        id={urlId}
        type="url"
        placeholder="https://…"
        value={postedUrl}
        onChange={(event) => setPostedUrl(event.target.value)}
      />
      <div className="button-row">
        <button type="button" disabled={marking.isPending} onClick={() => marking.mutate()} aria-describedby={describedBy}>
          Mark as posted
        </button>
      </div>
      <ExecutionRequestOutcome request={marking} sending="Asking for enforcement…" deliverable={deliverable} hiredInstanceId={hiredInstanceId} />
    </div>
  );
  if (open) {
    return (
      <section aria-label={`Publish on ${platform.label} by hand`}>
        <h4>Publish on {platform.label} by hand</h4>
        {body}
      </section>
    );
  }
  return (
    <details>
      <summary>Publish on {platform.label} by hand instead</summary>
      {body}
    </details>
  );
}
