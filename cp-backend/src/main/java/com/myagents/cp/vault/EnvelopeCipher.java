package com.myagents.cp.vault;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Envelope encryption: every seal makes a random 256-bit data key, encrypts the secret with it
 * (AES-256-GCM, fresh 96-bit nonce) and wraps the data key with the current master key (AES-256-GCM,
 * another fresh nonce). Re-wrapping moves a row to the current master key without touching the
 * secret's ciphertext.
 */
public final class EnvelopeCipher {

    private final MasterKeys keys;
    private final SecureRandom random;

    public EnvelopeCipher(MasterKeys keys) {
        this(keys, new SecureRandom());
    }

    EnvelopeCipher(MasterKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    public SealedSecret seal(SecretOwner owner, byte[] plaintext) {
        byte[] dataKey = randomBytes(AesGcm.KEY_BYTES);
        try {
            byte[] secretNonce = randomBytes(AesGcm.NONCE_BYTES);
            byte[] ciphertext = AesGcm.encrypt(dataKey, secretNonce, plaintext, owner.secretAssociatedData());
            return wrap(owner, dataKey, secretNonce, ciphertext);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The plaintext; the caller should clear it once used. */
    public byte[] open(SecretOwner owner, SealedSecret sealed) {
        byte[] dataKey = unwrap(owner, sealed);
        try {
            return AesGcm.decrypt(dataKey, sealed.secretNonce(), sealed.secretCiphertext(),
                    owner.secretAssociatedData());
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new UnreadableSecretException(owner.credentialRef(), "the ciphertext does not match its row");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same secret ciphertext with its data key wrapped by the current master key. */
    public SealedSecret rewrap(SecretOwner owner, SealedSecret sealed) {
        byte[] dataKey = unwrap(owner, sealed);
        try {
            return wrap(owner, dataKey, sealed.secretNonce(), sealed.secretCiphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private SealedSecret wrap(SecretOwner owner, byte[] dataKey, byte[] secretNonce, byte[] ciphertext) {
        String keyId = keys.currentId();
        byte[] nonce = randomBytes(AesGcm.NONCE_BYTES);
        byte[] wrapped = AesGcm.encrypt(keys.current(), nonce, dataKey, owner.dataKeyAssociatedData(keyId));
        return new SealedSecret(keyId, nonce, wrapped, secretNonce, ciphertext);
    }

    private byte[] unwrap(SecretOwner owner, SealedSecret sealed) {
        byte[] masterKey = keys.byId(sealed.keyId()).orElseThrow(() -> new UnreadableSecretException(
                owner.credentialRef(), "master key " + sealed.keyId() + " is not configured"));
        try {
            return AesGcm.decrypt(masterKey, sealed.dataKeyNonce(), sealed.wrappedDataKey(),
                    owner.dataKeyAssociatedData(sealed.keyId()));
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new UnreadableSecretException(owner.credentialRef(), "the wrapped data key does not match its row");
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
