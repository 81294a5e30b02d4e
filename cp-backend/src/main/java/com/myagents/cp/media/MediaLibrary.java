package com.myagents.cp.media;

import static com.myagents.cp.jooq.generated.Tables.MEDIA_ASSETS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.cp.jooq.generated.tables.records.MediaAssetsRecord;

/** The media_assets table: every read is scoped to the owning customer. */
@Component
public record MediaLibrary(DSLContext db, Clock clock) {

    MediaAsset store(UUID customerId, ImageType type, byte[] content, String fileName) {
        MediaAssetsRecord row = db.newRecord(MEDIA_ASSETS);
        row.setMediaId(UUID.randomUUID());
        row.setCustomerId(customerId);
        row.setContentType(type.contentType());
        row.setSizeBytes(content.length);
        row.setSha256(sha256(content));
        row.setFileName(fileName);
        row.setContent(content);
        row.setCreatedAt(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        row.store();
        return asset(row);
    }

    List<MediaAsset> list(UUID customerId) {
        return db.selectFrom(MEDIA_ASSETS).where(MEDIA_ASSETS.CUSTOMER_ID.eq(customerId))
                .orderBy(MEDIA_ASSETS.CREATED_AT.desc()).limit(200).fetch(MediaLibrary::asset);
    }

    /** The asset and its bytes, when it is this customer's. */
    Optional<MediaAssetsRecord> content(UUID customerId, UUID mediaId) {
        return db.selectFrom(MEDIA_ASSETS).where(MEDIA_ASSETS.MEDIA_ID.eq(mediaId))
                .and(MEDIA_ASSETS.CUSTOMER_ID.eq(customerId)).fetchOptional();
    }

    private static MediaAsset asset(MediaAssetsRecord row) {
        return new MediaAsset(row.getMediaId(), row.getContentType(), row.getSizeBytes(), row.getSha256(),
                row.getFileName(), row.getCreatedAt().toInstant());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
