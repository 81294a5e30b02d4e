/**
 * How a post reaches each platform (mirrors contracts' SocialPlatform): a connector publishes it,
 * or the customer does, by hand, and marks it posted. The composer link opens the platform's
 * "new post" page, with the text filled in where the platform allows it.
 */
export interface PlatformPublishing {
  label: string;
  connector: boolean;
  imageRequired: boolean;
  composer: string;
}

export const PLATFORMS: Record<string, PlatformPublishing> = {
  x: { label: 'X', connector: true, imageRequired: false, composer: 'https://x.com/intent/post?text=' },
  linkedin: { label: 'LinkedIn', connector: true, imageRequired: false, composer: 'https://www.linkedin.com/feed/?shareActive=true&text=' },
  facebook: { label: 'Facebook', connector: true, imageRequired: false, composer: 'https://www.facebook.com/' },
  instagram: { label: 'Instagram', connector: true, imageRequired: true, composer: 'https://www.instagram.com/' },
  youtube: { label: 'YouTube', connector: false, imageRequired: false, composer: 'https://www.youtube.com/' },
  whatsapp: { label: 'WhatsApp', connector: false, imageRequired: false, composer: 'https://wa.me/?text=' },
};

export function platformOf(payload: Record<string, unknown> | undefined): string | undefined {
  const platform = payload?.platform;
  return typeof platform === 'string' ? platform : undefined;
}

export function composerUrl(platform: PlatformPublishing, text: string): string {
  return platform.composer.endsWith('=') ? platform.composer + encodeURIComponent(text) : platform.composer;
}

/** The attached media-library image, when the draft has one. */
export function mediaIdOf(payload: Record<string, unknown> | undefined): string | undefined {
  const image = payload?.image;
  if (image && typeof image === 'object') {
    const id = (image as { media_id?: unknown }).media_id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/**
 * Only manual publishing can reach this post: no connector publishes to its platform, or the
 * platform takes no post without an image and none is attached.
 */
export function manualOnly(payload: Record<string, unknown> | undefined): boolean {
  const code = platformOf(payload);
  const platform = code ? PLATFORMS[code] : undefined;
  if (!platform) {
    return false;
  }
  return !platform.connector || (platform.imageRequired && !mediaIdOf(payload));
}
