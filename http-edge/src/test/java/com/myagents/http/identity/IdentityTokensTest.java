package com.myagents.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

class IdentityTokensTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final byte[] KEY = Keys.decode(Keys.generate());
    private static final Principal CUSTOMER = new Principal("cust-1", Principal.Kind.CUSTOMER,
            "demo@myagents.local", Set.of("customer", "trial"));

    private final IdentityTokens cp = new IdentityTokens(Hops.CP_ISSUER, KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesTheTokenItSignedAndReturnsTheSamePrincipal() {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        Principal verified = cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);

        assertThat(verified).isEqualTo(CUSTOMER);
    }

    @Test
    void carriesAServicePrincipalWithoutEmail() {
        Principal service = new Principal("pp-backend", Principal.Kind.SERVICE, null, Set.of());
        String token = cp.sign(service, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertThat(cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(service);
    }

    @Test
    void carriesACustomersDisplayNameSignedLikeEveryOtherClaim() throws Exception {
        Principal named = new Principal("cust-1", Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of(),
                "Demo Clinic");
        String token = cp.sign(named, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("name")).isEqualTo("Demo Clinic");
        assertThat(cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE).name()).isEqualTo("Demo Clinic");
    }

    @Test
    void leavesTheNameOutWhenThereIsNone() throws Exception {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("name");
        assertThat(cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE).name()).isNull();
    }

    @Test
    void writesEveryAgreedClaim() throws Exception {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60));

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("cust-1");
        assertThat(claims.getIssuer()).isEqualTo(Hops.CP_ISSUER);
        assertThat(claims.getAudience()).containsExactly(Hops.GATEWAY_AUDIENCE);
        assertThat(claims.getStringClaim("kind")).isEqualTo("CUSTOMER");
        assertThat(claims.getStringClaim("email")).isEqualTo("demo@myagents.local");
        assertThat(claims.getStringListClaim("roles")).containsExactly("customer", "trial");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void rejectsAnUnsignedAlgNoneToken() {
        String unsigned = new PlainJWT(validClaims().build()).serialize();

        assertThatThrownBy(() -> cp.verify(unsigned, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsAnAlgNoneHeaderGraftedOntoASignedToken() {
        String[] parts = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1)).split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

        assertThatThrownBy(() -> cp.verify(noneHeader + "." + parts[1] + ".", Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsAnotherHmacAlgorithmEvenWithTheRightKey() throws Exception {
        byte[] longKey = new byte[64];
        System.arraycopy(KEY, 0, longKey, 0, KEY.length);
        IdentityTokens verifier = new IdentityTokens("x", longKey, Clock.fixed(NOW, ZoneOffset.UTC));
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), validClaims().build());
        hs512.sign(new MACSigner(longKey));

        assertRefused(verifier, hs512.serialize(), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "HS512");
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        IdentityTokens forger = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(Keys.generate()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String forged = forger.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertRefused(cp, forged, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "signature");
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1)).split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                validClaims().subject("someone-else").build().toString().getBytes());

        assertThatThrownBy(() -> cp.verify(parts[0] + "." + otherPayload + "." + parts[2],
                Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void acceptsATokenJustExpiredWithinTheClockSkew() {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60));
        IdentityTokens later = new IdentityTokens(Hops.CP_ISSUER, KEY,
                Clock.fixed(NOW.plusSeconds(60 + 29), ZoneOffset.UTC));

        assertThat(later.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(CUSTOMER);
    }

    @Test
    void rejectsATokenExpiredBeyondTheClockSkew() {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60));
        IdentityTokens later = new IdentityTokens(Hops.CP_ISSUER, KEY,
                Clock.fixed(NOW.plusSeconds(60 + 31), ZoneOffset.UTC));

        assertRefused(later, token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "expired");
    }

    @Test
    void rejectsATokenIssuedInTheFuture() {
        IdentityTokens ahead = new IdentityTokens(Hops.CP_ISSUER, KEY,
                Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
        String token = ahead.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(5));

        assertRefused(cp, token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "future");
    }

    @Test
    void rejectsTheWrongAudience() {
        String forPlant = cp.sign(CUSTOMER, Hops.PLANT_AUDIENCE, Duration.ofMinutes(1));

        assertRefused(cp, forPlant, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "audience");
    }

    @Test
    void rejectsTheWrongIssuer() {
        String fromCp = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertRefused(cp, fromCp, Hops.PP_ISSUER, Hops.GATEWAY_AUDIENCE, "issuer");
    }

    @Test
    void rejectsATokenMissingIdentityClaims() throws Exception {
        SignedJWT noKind = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().issuer(Hops.CP_ISSUER).audience(Hops.GATEWAY_AUDIENCE).subject("cust-1")
                        .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).jwtID("j").build());
        noKind.sign(new MACSigner(KEY));

        assertRefused(cp, noKind.serialize(), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "required");
    }

    @Test
    void rejectsATokenWithoutExpiry() throws Exception {
        SignedJWT noExpiry = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                validClaims().expirationTime(null).build());
        noExpiry.sign(new MACSigner(KEY));

        assertRefused(cp, noExpiry.serialize(), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE, "exp");
    }

    @Test
    void rejectsAnUnknownKind() throws Exception {
        SignedJWT robot = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims().claim("kind", "ROBOT").build());
        robot.sign(new MACSigner(KEY));

        assertThatThrownBy(() -> cp.verify(robot.serialize(), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsMissingAndGarbageTokens() {
        assertThatThrownBy(() -> cp.verify(null, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> cp.verify("  ", Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> cp.verify("not.a.jwt", Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tellsWhichIssuerATokenClaimsSoTheRightKeyCanBeChosen() {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertThat(IdentityTokens.unverifiedIssuer(token)).hasValue(Hops.CP_ISSUER);
        assertThat(IdentityTokens.unverifiedIssuer("garbage")).isEmpty();
        assertThat(IdentityTokens.unverifiedIssuer(null)).isEmpty();
    }

    @Test
    void refusesShortKeysAndNonPositiveLifetimes() {
        assertThatThrownBy(() -> new IdentityTokens("x", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityTokens(" ", KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdentityTokens("gateway", KEY).issuer()).isEqualTo("gateway");
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(Hops.CP_ISSUER).audience(Hops.GATEWAY_AUDIENCE).subject("cust-1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).jwtID("jti-1")
                .claim("kind", "CUSTOMER").claim("roles", java.util.List.of("customer"));
    }

    /** {@code verifier} refuses the token for that issuer and audience, and says why. */
    @Test
    void aVerifiedTokenIsAnsweredFromMemoryOnlyForTheIssuerAndAudienceItWasCheckedFor() {
        String token = cp.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));
        assertThat(cp.alreadyVerified(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEmpty();

        cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);

        assertThat(cp.alreadyVerified(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).contains(CUSTOMER);
        assertThat(cp.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(CUSTOMER);
        assertThat(cp.alreadyVerified(token, Hops.CP_ISSUER, Hops.PLANT_AUDIENCE)).isEmpty();
        assertThatThrownBy(() -> cp.verify(token, Hops.CP_ISSUER, Hops.PLANT_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(cp.alreadyVerified(null, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEmpty();
    }

    @Test
    void aRememberedVerificationStillEndsWhenTheTokenExpires() {
        Instant[] now = {NOW};
        IdentityTokens verifier = new IdentityTokens(Hops.CP_ISSUER, KEY, pointedAt(now));
        String token = verifier.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));
        verifier.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);

        now[0] = NOW.plusSeconds(60 + 29);
        assertThat(verifier.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(CUSTOMER);

        now[0] = NOW.plusSeconds(60 + 31);
        assertThat(verifier.alreadyVerified(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEmpty();
        assertThatThrownBy(() -> verifier.verify(token, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void reusesATokenForTheSamePrincipalForASixthOfItsLifeThenMintsAnother() {
        Instant[] now = {NOW};
        IdentityTokens signer = new IdentityTokens(Hops.CP_ISSUER, KEY, pointedAt(now));
        Principal other = new Principal("cust-2", Principal.Kind.CUSTOMER, "b@myagents.local", Set.of("customer"));

        String first = signer.signReused(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));
        now[0] = NOW.plusSeconds(10);
        String again = signer.signReused(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));
        String forOther = signer.signReused(other, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));
        String forPlant = signer.signReused(CUSTOMER, Hops.PLANT_AUDIENCE, Duration.ofMinutes(1));
        now[0] = NOW.plusMillis(10_001);
        String later = signer.signReused(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1));

        assertThat(again).isEqualTo(first);
        assertThat(forOther).isNotEqualTo(first);
        assertThat(signer.verify(forOther, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(other);
        assertThat(signer.verify(forPlant, Hops.CP_ISSUER, Hops.PLANT_AUDIENCE)).isEqualTo(CUSTOMER);
        assertThat(later).isNotEqualTo(first);
        assertThat(signer.verify(later, Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).isEqualTo(CUSTOMER);
    }

    /** A clock that reads whatever instant the test put in {@code now[0]}. */
    private static Clock pointedAt(Instant[] now) {
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
    }

    private static void assertRefused(IdentityTokens verifier, String token, String issuer, String audience,
                                      String because) {
        assertThatThrownBy(() -> verifier.verify(token, issuer, audience))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(because);
    }
}
