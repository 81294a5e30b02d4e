package com.myagents.cp.media;

import java.time.Instant;
import java.util.UUID;

/** One image of a customer's media library, without its bytes. */
public record MediaAsset(UUID mediaId, String contentType, int sizeBytes, String sha256, String fileName,
        Instant createdAt) {
}
