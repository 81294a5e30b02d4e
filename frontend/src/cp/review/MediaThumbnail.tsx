import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { cpApi, cpQueryKeys } from '../cpApi';

/**
 * An image of the customer's media library, shown small. Its bytes need the customer's token, so
 * it is fetched as a blob and shown from an object URL (released when the thumbnail goes).
 */
export function MediaThumbnail({ mediaId, alt, className }: { mediaId: string; alt: string; className?: string }) {
  const content = useQuery({
    queryKey: cpQueryKeys.mediaContent(mediaId),
    queryFn: () => cpApi.mediaContent(mediaId),
    staleTime: Infinity,
    retry: false,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!content.data || typeof URL.createObjectURL !== 'function') {
      return undefined;
    }
    const objectUrl = URL.createObjectURL(content.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [content.data]);
  if (content.isError) {
    return <span className={`media-thumb media-thumb-missing ${className ?? ''}`}>Image could not be loaded</span>;
  }
  return url ? (
    <img className={`media-thumb ${className ?? ''}`} src={url} alt={alt} />
  ) : (
    <span className={`media-thumb media-thumb-loading ${className ?? ''}`} role="img" aria-label={alt} aria-busy="true" />
  );
}
