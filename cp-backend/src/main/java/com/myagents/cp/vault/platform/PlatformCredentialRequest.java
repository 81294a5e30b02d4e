package com.myagents.cp.vault.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.myagents.cp.vault.CredentialRequest;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/**
 * {@code PUT /api/cp/platform-credentials}: a new credential, or with {@code credential_ref} new
 * tokens for an existing one. Carries secrets, so {@link #toString()} leaves them out.
 */
public record PlatformCredentialRequest(String platform, String postingIdentity, String accessToken,
                                        String refreshToken, OffsetDateTime expiresAt, String credentialRef)
        implements CredentialRequest<PlatformCredentialRequest> {

    public static final List<String> PLATFORMS = List.of("x", "linkedin", "instagram", "facebook", "youtube", "whatsapp");
    static final int MAX_SECRET_LENGTH = 8192;
    static final int MAX_IDENTITY_LENGTH = 200;

    /** The request itself is what the descriptor table stores. */
    @Override
    public PlatformCredentialRequest validate() {
        List<Violation> violations = new ArrayList<>();
        if (platform == null || !PLATFORMS.contains(platform)) {
            violations.add(new Violation("/platform", "must be one of " + String.join(", ", PLATFORMS)));
        }
        if (postingIdentity == null || postingIdentity.isBlank()) {
            violations.add(new Violation("/posting_identity", "must not be blank"));
        } else if (postingIdentity.length() > MAX_IDENTITY_LENGTH) {
            violations.add(new Violation("/posting_identity", "must be at most " + MAX_IDENTITY_LENGTH + " characters"));
        }
        if (accessToken == null || accessToken.isBlank()) {
            violations.add(new Violation("/access_token", "must not be blank"));
        } else if (accessToken.length() > MAX_SECRET_LENGTH) {
            violations.add(new Violation("/access_token", "must be at most " + MAX_SECRET_LENGTH + " characters"));
        }
        if (refreshToken != null && refreshToken.length() > MAX_SECRET_LENGTH) {
            violations.add(new Violation("/refresh_token", "must be at most " + MAX_SECRET_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
        return this;
    }

    /** What is sealed: the tokens, nothing else. */
    @Override
    public Map<String, String> secret() {
        Map<String, String> secret = new java.util.LinkedHashMap<>();
        secret.put("access_token", accessToken.strip());
        secret.put("refresh_token", refreshToken == null || refreshToken.isBlank() ? null : refreshToken.strip());
        return secret;
    }

    @Override
    public String hinted() {
        return accessToken;
    }

    @Override
    public String toString() {
        return "PlatformCredentialRequest[platform=" + platform + ", postingIdentity=" + postingIdentity
                + ", expiresAt=" + expiresAt + ", credentialRef=" + credentialRef + ", tokens=<hidden>]";
    }
}
