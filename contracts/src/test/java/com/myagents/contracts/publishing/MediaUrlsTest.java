package com.myagents.contracts.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MediaUrlsTest {

    static final String CUSTOMER = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String MEDIA = "0b7e4a52-6a0e-4c59-9a1f-1f5e3c1d2a10";
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final MediaUrls urls = new MediaUrls(key((byte) 7));

    @Test
    void aSignedUrlVerifiesUntilItExpiresAndNotForAnotherCustomerOrImage() {
        URI signed = urls.sign(URI.create("https://cp.example/"), CUSTOMER, MEDIA, NOW.plusSeconds(600));
        Map<String, String> query = query(signed);

        assertThat(signed.getPath()).isEqualTo("/media/signed/" + MEDIA);
        long expires = Long.parseLong(query.get("expires"));
        assertThat(urls.verify(CUSTOMER, MEDIA, expires, query.get("signature"), NOW)).isTrue();
        assertThat(urls.verify(CUSTOMER, MEDIA, expires, query.get("signature"), NOW.plusSeconds(600))).isFalse();
        assertThat(urls.verify("someone-else", MEDIA, expires, query.get("signature"), NOW)).isFalse();
        assertThat(urls.verify(CUSTOMER, MEDIA, expires + 3600, query.get("signature"), NOW)).isFalse();
        assertThat(new MediaUrls(key((byte) 8)).verify(CUSTOMER, MEDIA, expires, query.get("signature"), NOW)).isFalse();
        assertThat(urls.verify(CUSTOMER, MEDIA, expires, null, NOW)).isFalse();
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new MediaUrls(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MediaUrls.fromBase64(" ")).hasMessageContaining("no media URL signing key");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
