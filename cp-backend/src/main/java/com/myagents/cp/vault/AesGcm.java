package com.myagents.cp.vault;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-256-GCM through BouncyCastle's lightweight API: 96-bit nonces, 128-bit tags, associated data. */
final class AesGcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private AesGcm() {
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        GCMModeCipher gcm = cipher(true, key, nonce, associatedData);
        try {
            return run(gcm, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws InvalidCipherTextException when the tag does not match: wrong key, nonce, data or ciphertext */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData)
            throws InvalidCipherTextException {
        return run(cipher(false, key, nonce, associatedData), ciphertext);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a " + KEY_BYTES + "-byte key");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("GCM nonces are " + NONCE_BYTES + " bytes here");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        return gcm;
    }

    private static byte[] run(GCMModeCipher gcm, byte[] input) throws InvalidCipherTextException {
        byte[] output = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, output, 0);
        length += gcm.doFinal(output, length);
        if (length == output.length) {
            return output;
        }
        byte[] exact = new byte[length];
        System.arraycopy(output, 0, exact, 0, length);
        return exact;
    }
}
