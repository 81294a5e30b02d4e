package com.myagents.cp.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    private static final byte[] SECRET = "linkedin-access-token-0123456789".getBytes(StandardCharsets.UTF_8);

    private final byte[] k1 = key();
    private final byte[] k2 = key();
    private final EnvelopeCipher underK1 = new EnvelopeCipher(MasterKeys.of("k1", k1, Map.of()));
    private final SecretOwner owner = new SecretOwner(UUID.randomUUID(), CredentialRefs.mint());

    @Test
    void opensWhatItSealed() {
        SealedSecret sealed = underK1.seal(owner, SECRET);

        assertThat(underK1.open(owner, sealed)).isEqualTo(SECRET);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.secretNonce()).hasSize(12);
        assertThat(sealed.dataKeyNonce()).hasSize(12);
        // the plaintext plus a 128-bit tag; a 256-bit data key plus its tag
        assertThat(sealed.secretCiphertext()).hasSize(SECRET.length + 16);
        assertThat(sealed.wrappedDataKey()).hasSize(32 + 16);
        assertThat(new String(sealed.secretCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("linkedin");
    }

    @Test
    void usesAFreshDataKeyAndFreshNoncesEveryTime() {
        SealedSecret first = underK1.seal(owner, SECRET);
        SealedSecret second = underK1.seal(owner, SECRET);

        assertThat(second.secretNonce()).isNotEqualTo(first.secretNonce());
        assertThat(second.dataKeyNonce()).isNotEqualTo(first.dataKeyNonce());
        assertThat(second.secretCiphertext()).isNotEqualTo(first.secretCiphertext());
        assertThat(second.wrappedDataKey()).isNotEqualTo(first.wrappedDataKey());
    }

    @Test
    void detectsAFlippedCiphertextByte() {
        SealedSecret sealed = underK1.seal(owner, SECRET);
        byte[] tampered = sealed.secretCiphertext().clone();
        tampered[3] ^= 0x01;

        assertThatThrownBy(() -> underK1.open(owner, new SealedSecret(sealed.keyId(), sealed.dataKeyNonce(),
                sealed.wrappedDataKey(), sealed.secretNonce(), tampered)))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining(owner.credentialRef());
    }

    @Test
    void detectsAFlippedWrappedKeyOrNonceByte() {
        SealedSecret sealed = underK1.seal(owner, SECRET);
        byte[] wrapped = sealed.wrappedDataKey().clone();
        wrapped[0] ^= 0x01;
        byte[] nonce = sealed.secretNonce().clone();
        nonce[11] ^= 0x01;

        assertThatThrownBy(() -> underK1.open(owner, new SealedSecret(sealed.keyId(), sealed.dataKeyNonce(), wrapped,
                sealed.secretNonce(), sealed.secretCiphertext()))).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> underK1.open(owner, new SealedSecret(sealed.keyId(), sealed.dataKeyNonce(),
                sealed.wrappedDataKey(), nonce, sealed.secretCiphertext()))).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void refusesACiphertextMovedToAnotherCustomerOrRef() {
        SealedSecret sealed = underK1.seal(owner, SECRET);

        SecretOwner otherCustomer = new SecretOwner(UUID.randomUUID(), owner.credentialRef());
        SecretOwner otherRef = new SecretOwner(owner.customerId(), CredentialRefs.mint());
        assertThatThrownBy(() -> underK1.open(otherCustomer, sealed)).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> underK1.open(otherRef, sealed)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void refusesASecretCiphertextSplicedIntoAnotherEnvelope() {
        SealedSecret mine = underK1.seal(owner, SECRET);
        SealedSecret other = underK1.seal(owner, "another-secret-value".getBytes(StandardCharsets.UTF_8));

        // same row, same master key, but the ciphertext belongs to another data key
        assertThatThrownBy(() -> underK1.open(owner, new SealedSecret(mine.keyId(), mine.dataKeyNonce(),
                mine.wrappedDataKey(), other.secretNonce(), other.secretCiphertext())))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void refusesARowThatClaimsAnotherKeyId() {
        EnvelopeCipher both = new EnvelopeCipher(MasterKeys.of("k2", k2, Map.of("k1", k1)));
        SealedSecret sealed = underK1.seal(owner, SECRET);

        assertThatThrownBy(() -> both.open(owner, new SealedSecret("k2", sealed.dataKeyNonce(), sealed.wrappedDataKey(),
                sealed.secretNonce(), sealed.secretCiphertext()))).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void cannotOpenWithoutTheMasterKeyThatWrappedIt() {
        SealedSecret sealed = underK1.seal(owner, SECRET);
        EnvelopeCipher onlyK2 = new EnvelopeCipher(MasterKeys.of("k2", k2, Map.of()));
        EnvelopeCipher wrongKeyUnderK1 = new EnvelopeCipher(MasterKeys.of("k1", k2, Map.of()));

        assertThatThrownBy(() -> onlyK2.open(owner, sealed))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("k1 is not configured");
        assertThatThrownBy(() -> wrongKeyUnderK1.open(owner, sealed)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void rewrapsToTheCurrentKeyWithoutTouchingTheSecretCiphertext() {
        SealedSecret underOldKey = underK1.seal(owner, SECRET);
        EnvelopeCipher rotated = new EnvelopeCipher(MasterKeys.of("k2", k2, Map.of("k1", k1)));

        // an old row stays readable while the previous key is configured
        assertThat(rotated.open(owner, underOldKey)).isEqualTo(SECRET);

        SealedSecret rewrapped = rotated.rewrap(owner, underOldKey);
        assertThat(rewrapped.keyId()).isEqualTo("k2");
        assertThat(rewrapped.secretCiphertext()).isEqualTo(underOldKey.secretCiphertext());
        assertThat(rewrapped.wrappedDataKey()).isNotEqualTo(underOldKey.wrappedDataKey());
        assertThat(new EnvelopeCipher(MasterKeys.of("k2", k2, Map.of())).open(owner, rewrapped)).isEqualTo(SECRET);
        assertThatThrownBy(() -> underK1.open(owner, rewrapped)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void saysNothingOfTheSecretWhenPrinted() {
        SealedSecret sealed = underK1.seal(owner, SECRET);

        assertThat(sealed.toString()).contains("k1").doesNotContain("linkedin");
        assertThat(MasterKeys.of("k1", k1, Map.of()).toString()).isEqualTo("MasterKeys[current=k1, ids=[k1]]");
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
