package com.myagents.connectors.meta;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.connectors.vault.PlatformCredential;

import tools.jackson.databind.JsonNode;

/**
 * What Facebook Pages and Instagram share: Meta's Graph API at a pinned version, the page or
 * Instagram account id the credential posts as, the bearer token, and Graph's error shape
 * ({@code {"error":{"message","type","code"}}}: code 190 is an expired or revoked token, 4/17/32/613
 * are rate limits).
 */
public record GraphApi(URI baseUrl, String version) {

    public static final String ACCOUNT_MISSING = "meta_account_missing";
    static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{5,30}$");
    static final String TOKEN_SHOWN = "Bearer <Meta access token, resolved from CP's vault at send time>";

    /** {@code <base>/<version>/<node>/<edge>} */
    public URI edge(String node, String edge) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + version + "/" + node + "/" + edge);
    }

    public OutgoingRequest post(URI uri, Map<String, Object> body, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        return new OutgoingRequest("POST", uri, headers, Json.write(body), Map.of("Authorization", TOKEN_SHOWN));
    }

    /** The numeric page or Instagram account id: the credential's, else the draft's, else none. */
    public static String account(PlatformCredential credential, SocialPost post) {
        if (credential != null && isAccount(credential.postingIdentity())) {
            return credential.postingIdentity();
        }
        return isAccount(post.postingIdentity()) ? post.postingIdentity() : null;
    }

    static boolean isAccount(String identity) {
        return identity != null && ACCOUNT_ID.matcher(identity).matches();
    }

    /** A Graph refusal in words, with the code the results table uses. */
    public static Outcome refused(String platform, PlatformResponse response) {
        JsonNode error = response.json().path("error");
        String message = Json.text(error, "message");
        int code = error.path("code").asInt(0);
        String said = message != null ? message : response.excerpt();
        if (code == 190 || response.status() == 401) {
            return Outcome.failed("platform_unauthorized", platform + " refused the access token (expired or revoked):"
                    + " reconnect " + platform + " in CP. " + platform + " said: " + said);
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || response.status() == 429) {
            return Outcome.failed("rate_limited", platform + " rate limit reached, the post was not published: " + said);
        }
        if (code == 10 || code == 200 || response.status() == 403) {
            return Outcome.failed("platform_forbidden", platform + " does not allow this post (missing permission): "
                    + said);
        }
        return Outcome.failed("platform_rejected", platform + " rejected the post (HTTP " + response.status() + "): "
                + said);
    }
}
