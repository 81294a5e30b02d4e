import { useId } from 'react';
import { humanize } from '../../shared/format';
import { platformName } from '../../shared/platforms';
import type { Deliverable } from '../cpApi';
import { MediaThumbnail } from './MediaThumbnail';
import { PLATFORMS, mediaIdOf } from './publishing';
import {
  charCountOf,
  charLimitOf,
  hashtagsOf,
  orderSummaryOf,
  platformOf,
  postTextOf,
  riskChecksOf,
} from './deliverableView';
import { ColumnHeads } from '../../shared/ColumnHeads';

/** Web links in a post's text, as a platform would show them (a link card or a clickable URL). */
export function linksIn(text: string): string[] {
  const found = text.match(/\bhttps?:\/\/[^\s<>"')]+/gi) ?? [];
  return [...new Set(found.map((link) => link.replace(/[.,;:!?]+$/, '')))];
}

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}

/** How full the post is against its platform's limit, as a bar and in words. */
function LengthBar({ length, limit, platformLabel }: { length: number; limit?: number; platformLabel: string }) {
  if (limit === undefined || limit <= 0) {
    return <p className="char-count">{length} characters</p>;
  }
  const over = length > limit;
  const ratio = Math.min(1, length / limit);
  const words = over
    ? `${length} / ${limit} characters — ${length - limit} over ${platformLabel}'s limit`
    : `${length} / ${limit} characters — ${limit - length} left`;
  return (
    <div className={`length-bar${over ? ' over' : ratio >= 0.9 ? ' near' : ''}`}>
      <div
        className="length-track"
        role="meter"
        aria-label={`Length against ${platformLabel}'s limit`}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(length, limit)}
        aria-valuetext={words}
      >
        <span className="length-fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      <p className={`char-count${over ? ' over' : ''}`}>
        {length} / {limit} characters
        {over ? <strong> — {length - limit} over the limit</strong> : <span> — {limit - length} left</span>}
      </p>
    </div>
  );
}

/**
 * The post as it would appear on its platform: who posts it, its text, its hashtags (those not
 * already in the text, as the connector appends them), its links, its image (or that the platform
 * needs one), and its length against the platform's limit.
 */
function PostPreview({ deliverable, compact }: { deliverable: Deliverable; compact: boolean }) {
  const text = postTextOf(deliverable) ?? '';
  const platform = platformOf(deliverable);
  const label = platform ? platformName(platform) : 'the platform';
  const limit = charLimitOf(deliverable);
  const length = charCountOf(deliverable);
  const tags = hashtagsOf(deliverable).filter((tag) => !text.includes(tag));
  const links = linksIn(text);
  const mediaId = mediaIdOf(deliverable.payload);
  const needsImage = Boolean(platform && PLATFORMS[platform]?.imageRequired) && !mediaId;
  const author = typeof deliverable.payload?.brand_name === 'string' ? deliverable.payload.brand_name : undefined;
  const captionId = useId();
  return (
    <figure
      className={`post-preview${compact ? ' compact' : ''}${platform ? ` platform-${platform}` : ''}`}
      aria-labelledby={captionId}
    >
      <figcaption id={captionId}>{platform ? `${platformName(platform)} preview` : 'Preview'}</figcaption>
      {!compact && author && <p className="post-author">{author}</p>}
      {mediaId ? (
        <MediaThumbnail
          mediaId={mediaId}
          alt={`Image attached to the ${platform ? platformName(platform) : ''} post`.replace('  ', ' ')}
          className={compact ? 'small' : 'post-image'}
        />
      ) : (
        needsImage && <p className="post-image-missing">{label} needs an image — none attached</p>
      )}
      <p className="post-text">{text}</p>
      {tags.length > 0 && (
        <p className="post-tags" aria-label="Hashtags">
          {tags.join(' ')}
        </p>
      )}
      {!compact && links.length > 0 && (
        <ul className="post-links" aria-label="Links">
          {links.map((link) => (
            <li key={link}>
              <a href={link} target="_blank" rel="noopener noreferrer">
                {hostOf(link)}
              </a>
            </li>
          ))}
        </ul>
      )}
      <LengthBar length={length} limit={limit} platformLabel={label} />
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
          <ColumnHeads labels={['Check', 'Outcome', 'Detail']} />
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
