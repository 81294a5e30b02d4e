import { useId } from 'react';
import { humanize } from '../../shared/format';
import { platformName } from '../../shared/platforms';
import type { Deliverable } from '../cpApi';
import {
  charCountOf,
  charLimitOf,
  hashtagsOf,
  orderSummaryOf,
  platformOf,
  postTextOf,
  riskChecksOf,
} from './deliverableView';

/** The post as it would appear on its platform, with its length against the platform's limit. */
function PostPreview({ deliverable, compact }: { deliverable: Deliverable; compact: boolean }) {
  const text = postTextOf(deliverable) ?? '';
  const platform = platformOf(deliverable);
  const limit = charLimitOf(deliverable);
  const length = charCountOf(deliverable);
  const over = limit !== undefined && length > limit;
  const tags = hashtagsOf(deliverable).filter((tag) => !text.includes(tag));
  const captionId = useId();
  return (
    <figure className={`post-preview${compact ? ' compact' : ''}`} aria-labelledby={captionId}>
      <figcaption id={captionId}>{platform ? `${platformName(platform)} preview` : 'Preview'}</figcaption>
      <p className="post-text">{text}</p>
      {tags.length > 0 && <p className="post-tags">{tags.join(' ')}</p>}
      <p className={`char-count${over ? ' over' : ''}`}>
        {limit === undefined ? `${length} characters` : `${length} / ${limit} characters`}
        {over && <strong> — {length - limit!} over the limit</strong>}
      </p>
    </figure>
  );
}

function OrderPreview({ deliverable }: { deliverable: Deliverable }) {
  const summary = orderSummaryOf(deliverable);
  const checks = riskChecksOf(deliverable);
  return (
    <div className="order-preview">
      {summary && (
        <p>
          Order: <strong>{summary}</strong>
        </p>
      )}
      {checks.length > 0 && (
        <table className="risk-checks">
          <caption>Risk checks</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((check, index) => (
              <tr key={index} className={`risk-${check.outcome}`}>
                <td>{humanize(check.check)}</td>
                <td>{check.outcome}</td>
                <td>{check.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What the draft would do, in the shape its kind has; anything else as its raw content. */
export function DraftPreview({ deliverable, compact = false }: { deliverable: Deliverable; compact?: boolean }) {
  if (postTextOf(deliverable) !== undefined) {
    return <PostPreview deliverable={deliverable} compact={compact} />;
  }
  if (orderSummaryOf(deliverable) || riskChecksOf(deliverable).length > 0) {
    return compact ? <p className="muted">{orderSummaryOf(deliverable)}</p> : <OrderPreview deliverable={deliverable} />;
  }
  if (compact || !deliverable.payload) {
    return null;
  }
  return <pre className="raw-payload">{JSON.stringify(deliverable.payload, null, 2)}</pre>;
}
