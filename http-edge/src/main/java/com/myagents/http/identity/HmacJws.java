package com.myagents.http.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The short-lived HS256 tokens this system mints (identity tokens, review receipts): the registered
 * claims each carries and the signature, written once so that every kind expires and is unique alike.
 */
public final class HmacJws {

    private HmacJws() {
    }

    /** {@code iss}, {@code aud}, {@code sub}, issued {@code now}, expiring after {@code ttl}, with a fresh {@code jti}. */
    public static JWTClaimsSet.Builder claims(String issuer, String audience, String subject, Instant now, Duration ttl) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** An HS256 signer for {@code key}. */
    public static JWSSigner signer(byte[] key) {
        try {
            return new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable HS256 key", e);
        }
    }

    /** The compact serialisation of {@code claims} signed with {@code signer}. */
    public static String sign(JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}
