package com.myagents.contracts.publishing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed addresses of a customer's media-library image, so a platform (Instagram's
 * media container, a Facebook photo) can fetch it without a login: connectors sign when they
 * publish, cp-backend verifies when the platform comes to fetch. The signature (HMAC-SHA256 over
 * customer, media id and expiry) is the whole authorization, so it expires within minutes.
 */
public final class MediaUrls {

    /** The path cp-backend serves signed images under ({@code PATH_PREFIX + media_id}): outside /api/cp, as no login comes with it. */
    public static final String PATH_PREFIX = "/media/signed/";

    private final byte[] key;

    public MediaUrls(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the media URL signing key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    public static MediaUrls fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no media URL signing key is configured");
        }
        return new MediaUrls(Base64.getDecoder().decode(key.strip()));
    }

    /** {@code <base>/media/signed/<media_id>?customer=…&expires=<epoch seconds>&signature=…} */
    public URI sign(URI publicBase, String customerId, String mediaId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        String base = publicBase.toString().replaceAll("/+$", "");
        return URI.create(base + PATH_PREFIX + mediaId + "?customer=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8)
                + "&expires=" + expires + "&signature=" + signature(customerId, mediaId, expires));
    }

    /** True when the signature is this key's over exactly these values and {@code now} is before the expiry. */
    public boolean verify(String customerId, String mediaId, long expires, String signature, Instant now) {
        if (customerId == null || mediaId == null || signature == null || now.getEpochSecond() >= expires) {
            return false;
        }
        return MessageDigest.isEqual(signature(customerId, mediaId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String customerId, String mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((customerId + "\n" + mediaId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
