package com.myagents.http.review;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import com.myagents.http.identity.HmacJws;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Keys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A review receipt: pp-backend's signed word (HS256, key {@code myagents.review.receipt-key}, shared
 * with Plant only) that one exact agent-type version — by {@link DefinitionHash} — passed its
 * guardrails and breaking-change check, minted by the operator who published it, valid for
 * {@link #TTL}. Plant publishes nothing without one, so no path around pp-backend's review publishes.
 */
public final class ReviewReceipts {

    public static final Duration TTL = Duration.ofMinutes(2);
    public static final String ISSUER = "pp-backend";
    public static final String AUDIENCE = "plant:agent-type-publish";
    static final String AGENT_TYPE_CLAIM = "agent_type_id";
    static final String VERSION_CLAIM = "version";
    static final String HASH_CLAIM = "definition_hash";

    /** What a valid receipt says. */
    public record Receipt(String agentTypeId, String version, String definitionHash, String reviewer) {
    }

    private final byte[] key;
    private final Clock clock;

    public ReviewReceipts(byte[] key, Clock clock) {
        if (key == null || key.length < Keys.MIN_BYTES) {
            throw new IllegalArgumentException("the review receipt key must be at least " + Keys.MIN_BYTES + " bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    /** From the configured base64 key; null when it is not set (then nothing mints and nothing verifies). */
    public static ReviewReceipts fromKey(String base64Key) {
        return base64Key == null || base64Key.isBlank() ? null
                : new ReviewReceipts(Keys.decode(base64Key.strip()), Clock.systemUTC());
    }

    public String mint(Receipt receipt) {
        JWTClaimsSet claims = HmacJws.claims(ISSUER, AUDIENCE, receipt.reviewer(), clock.instant(), TTL)
                .claim(AGENT_TYPE_CLAIM, receipt.agentTypeId())
                .claim(VERSION_CLAIM, receipt.version())
                .claim(HASH_CLAIM, receipt.definitionHash())
                .build();
        return HmacJws.sign(claims, HmacJws.signer(key));
    }

    /** @throws InvalidTokenException unless {@code token} is a receipt of this key, unexpired, with every claim */
    public Receipt verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no review receipt");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                throw new InvalidTokenException("the review receipt is not signed by pp-backend");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audience = claims.getAudience();
            if (!ISSUER.equals(claims.getIssuer()) || audience == null || !audience.contains(AUDIENCE)) {
                throw new InvalidTokenException("not a review receipt");
            }
            Date expiry = claims.getExpirationTime();
            if (expiry == null || clock.instant().isAfter(expiry.toInstant().plus(IdentityTokens.MAX_CLOCK_SKEW))) {
                throw new InvalidTokenException("the review receipt has expired");
            }
            Receipt receipt = new Receipt(claims.getStringClaim(AGENT_TYPE_CLAIM), claims.getStringClaim(VERSION_CLAIM),
                    claims.getStringClaim(HASH_CLAIM), claims.getSubject());
            if (receipt.agentTypeId() == null || receipt.version() == null || receipt.definitionHash() == null) {
                throw new InvalidTokenException("the review receipt lacks a claim");
            }
            return receipt;
        } catch (ParseException | JOSEException | RuntimeException e) {
            if (e instanceof InvalidTokenException invalid) {
                throw invalid;
            }
            throw new InvalidTokenException("unreadable review receipt: " + e.getMessage(), e);
        }
    }
}
