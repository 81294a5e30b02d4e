// Platform names as their owners write them. One module for every screen (CP review, previews,
// filters, credential dialogs; PP views), so a new platform is named once.

const PLATFORM_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  twitter: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  threads: 'Threads',
  pinterest: 'Pinterest',
  reddit: 'Reddit',
  whatsapp: 'WhatsApp',
  google_business: 'Google Business Profile',
  manual: 'Manual publishing',
  delta: 'Delta Exchange',
  delta_exchange: 'Delta Exchange',
};

/** "linkedin" → "LinkedIn"; an unknown code is shown with its first letter upper-cased. */
export function platformName(code: string | null | undefined): string {
  if (!code) {
    return '';
  }
  const known = PLATFORM_NAMES[code.toLowerCase()];
  if (known) {
    return known;
  }
  const words = code.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const KNOWN_PLATFORMS = Object.keys(PLATFORM_NAMES);
