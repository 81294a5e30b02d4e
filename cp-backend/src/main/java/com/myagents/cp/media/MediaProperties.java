package com.myagents.cp.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.myagents.contracts.publishing.MediaUrls;

/**
 * {@code myagents.media.url-signing-key}: base64 (at least 32 bytes), shared with connectors; it
 * signs the short-lived URLs a platform fetches an attached image from. Blank: no image is served.
 */
@ConfigurationProperties("myagents.media")
public record MediaProperties(String urlSigningKey) {

    /** The signer, or null when no key is set. */
    MediaUrls signedUrls() {
        return urlSigningKey == null || urlSigningKey.isBlank() ? null : MediaUrls.fromBase64(urlSigningKey);
    }

    @Override
    public String toString() {
        return "MediaProperties[urlSigningKey=" + (urlSigningKey == null || urlSigningKey.isBlank() ? "none" : "set") + "]";
    }
}
