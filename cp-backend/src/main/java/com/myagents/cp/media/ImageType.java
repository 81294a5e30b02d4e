package com.myagents.cp.media;

import java.util.Arrays;

/**
 * The image types a platform takes, recognised by their first bytes (the declared Content-Type
 * alone proves nothing): JPEG starts FF D8 FF, PNG with its 8-byte signature.
 */
enum ImageType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String contentType;
    private final byte[] magic;

    ImageType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    static ImageType declared(String contentType) {
        String base = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        for (ImageType type : values()) {
            if (type.contentType.equals(base)) {
                return type;
            }
        }
        return null;
    }

    boolean matches(byte[] content) {
        return content.length > magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
