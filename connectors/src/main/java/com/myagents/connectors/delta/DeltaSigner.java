package com.myagents.connectors.delta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delta Exchange's request signature: hex HMAC-SHA256 with the API secret over
 * {@code method + timestamp + path + query + body}, where the query keeps its leading {@code ?}
 * (empty when there is none) and the body is the exact text sent (empty for none).
 */
public final class DeltaSigner {

    private DeltaSigner() {
    }

    public static String prehash(String method, String timestamp, String path, String query, String body) {
        return method + timestamp + path + (query == null || query.isEmpty() ? "" : "?" + query)
                + (body == null ? "" : body);
    }

    public static String sign(String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
