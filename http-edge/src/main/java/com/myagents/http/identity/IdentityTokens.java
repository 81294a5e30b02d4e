package com.myagents.http.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues and verifies the HS256 tokens that carry a {@link Principal} from one hop to the next.
 * One instance holds one key: a verifier accepts only tokens signed with exactly that key and
 * algorithm, so "alg: none" and algorithm-swap tokens fail before any claim is read.
 *
 * <p>Verifying is done once per token: the exact token string, once verified for an issuer and an
 * audience, is answered from memory until it expires (the same key checked it; its expiry is
 * still checked on every call). A hop that calls the next one for the same person again and again
 * can {@link #signReused reuse} a token it minted a few seconds ago, so the next hop's cache
 * answers too.
 */
public final class IdentityTokens {

    /** Clock skew tolerated between hops; nothing beyond it. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    static final String KIND_CLAIM = "kind";
    static final String EMAIL_CLAIM = "email";
    static final String ROLES_CLAIM = "roles";
    static final String NAME_CLAIM = "name";

    private final String issuer;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Clock clock;
    private final TokenCache<Verification, Principal> verified = new TokenCache<>();
    private final TokenCache<Signing, Minted> minted = new TokenCache<>();

    /** What a verification proved a token for. */
    private record Verification(String token, String issuer, String audience) {
    }

    /** What a reusable token was minted for. */
    private record Signing(Principal principal, String audience, Duration ttl) {
    }

    private record Minted(String token) {
    }

    public IdentityTokens(String issuer, byte[] hmacKey) {
        this(issuer, hmacKey, Clock.systemUTC());
    }

    /** With an explicit clock, so expiry can be tested without sleeping. */
    public IdentityTokens(String issuer, byte[] hmacKey, Clock clock) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is required");
        }
        if (hmacKey == null || hmacKey.length < Keys.MIN_BYTES) {
            throw new IllegalArgumentException("HS256 key must be at least " + Keys.MIN_BYTES + " bytes");
        }
        this.issuer = issuer;
        this.clock = clock;
        try {
            this.signer = new MACSigner(hmacKey.clone());
            this.verifier = new MACVerifier(hmacKey.clone());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable HS256 key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** A compact JWS saying who {@code principal} is, for {@code audience} only, valid for {@code ttl}. */
    public String sign(Principal principal, String audience, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        JWTClaimsSet.Builder claims = HmacJws.claims(issuer, audience, principal.id(), clock.instant(), ttl)
                .claim(KIND_CLAIM, principal.kind().name())
                .claim(ROLES_CLAIM, List.copyOf(new TreeSet<>(principal.roles())));
        if (principal.email() != null) {
            claims.claim(EMAIL_CLAIM, principal.email());
        }
        if (principal.name() != null) {
            claims.claim(NAME_CLAIM, principal.name());
        }
        return HmacJws.sign(claims.build(), signer);
    }

    /**
     * Like {@link #sign}, but the same token for the same principal, audience and lifetime while it
     * was minted less than a sixth of {@code ttl} ago (10 s of a minute): it reaches the next hop
     * with at least five sixths of its life left, and that hop verifies it once, not per call. For
     * identities passed from hop to hop, whose {@code jti} nobody keeps; not for one-time tokens.
     */
    public String signReused(Principal principal, String audience, Duration ttl) {
        Signing signing = new Signing(principal, audience, ttl);
        Instant now = clock.instant();
        Minted reusable = minted.get(signing, now);
        if (reusable != null) {
            return reusable.token();
        }
        String token = sign(principal, audience, ttl);
        minted.put(signing, new Minted(token), now.plus(ttl.dividedBy(6)), now);
        return token;
    }

    /**
     * The principal a token carries, if and only if it is an HS256 JWS signed with this key, issued
     * by {@code expectedIssuer} for {@code expectedAudience}, unexpired, and has every claim.
     *
     * @throws InvalidTokenException otherwise
     */
    public Principal verify(String token, String expectedIssuer, String expectedAudience) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        String compact = token.strip();
        Verification verification = new Verification(compact, expectedIssuer, expectedAudience);
        Principal known = verified.get(verification, clock.instant());
        if (known != null) {
            return known;
        }
        SignedJWT jwt = parse(compact);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted");
        }
        checkSignature(jwt);
        JWTClaimsSet claims = claimsOf(jwt);
        checkIssuerAndAudience(claims, expectedIssuer, expectedAudience);
        Instant now = checkTimes(claims);
        Principal principal = principalOf(claims);
        // valid as long as checkTimes would still pass: up to the expiry plus the tolerated skew
        verified.put(verification, principal, claims.getExpirationTime().toInstant().plus(MAX_CLOCK_SKEW), now);
        return principal;
    }

    /**
     * The principal a token proved when this instance last {@link #verify verified} it for that
     * issuer and audience, while it has not expired; empty when it was not verified (then call
     * {@link #verify}). Saves a caller that picks a key by the token's issuer from parsing it first.
     */
    public Optional<Principal> alreadyVerified(String token, String expectedIssuer, String expectedAudience) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(verified.get(new Verification(token.strip(), expectedIssuer, expectedAudience),
                clock.instant()));
    }

    /**
     * The issuer a token <em>claims</em>, before anything is verified: only for choosing which key
     * to verify it with. Never trust it for anything else.
     */
    public static Optional<String> unverifiedIssuer(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(SignedJWT.parse(token.strip()).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            // unsigned ("alg": "none") and encrypted tokens fail here too: they are not JWS
            throw new InvalidTokenException("not a signed JWT: " + e.getMessage(), e);
        }
    }

    private void checkSignature(SignedJWT jwt) {
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not readable", e);
        }
    }

    private static void checkIssuerAndAudience(JWTClaimsSet claims, String expectedIssuer, String expectedAudience) {
        if (claims.getIssuer() == null || !claims.getIssuer().equals(expectedIssuer)) {
            throw new InvalidTokenException("issuer " + claims.getIssuer() + " is not " + expectedIssuer);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expectedAudience)) {
            throw new InvalidTokenException("audience " + audience + " does not include " + expectedAudience);
        }
    }

    /** @return the instant the times were checked at */
    private Instant checkTimes(JWTClaimsSet claims) {
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || issued == null) {
            throw new InvalidTokenException("exp and iat are required");
        }
        Instant now = clock.instant();
        if (now.isAfter(expiry.toInstant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidTokenException("expired at " + expiry.toInstant());
        }
        if (issued.toInstant().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidTokenException("issued in the future: " + issued.toInstant());
        }
        return now;
    }

    private static Principal principalOf(JWTClaimsSet claims) {
        try {
            String subject = claims.getSubject();
            String kind = claims.getStringClaim(KIND_CLAIM);
            List<String> roles = claims.getStringListClaim(ROLES_CLAIM);
            if (subject == null || subject.isBlank() || kind == null || roles == null || claims.getJWTID() == null) {
                throw new InvalidTokenException("sub, kind, roles and jti are required");
            }
            Set<String> roleSet = new LinkedHashSet<>(roles);
            return new Principal(subject, Principal.Kind.valueOf(kind), claims.getStringClaim(EMAIL_CLAIM), roleSet,
                    claims.getStringClaim(NAME_CLAIM));
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidTokenException("malformed identity claims: " + e.getMessage(), e);
        }
    }
}
