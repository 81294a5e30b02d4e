package com.myagents.http.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through BouncyCastle. A check against an unknown account still runs one full bcrypt
 * (against a decoy hash of the same cost), so the answer time does not tell which emails exist.
 */
public class BcryptPasswords {

    /** Work factor of new hashes and of the decoy; stored hashes carry their own. */
    public static final int COST = 12;

    private final SecureRandom random = new SecureRandom();
    private final String decoyHash;

    public BcryptPasswords() {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        this.decoyHash = hash(HexFormat.of().formatHex(secret));
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, COST);
    }

    /** True only when a stored hash exists and the password matches it. */
    public boolean matches(String password, Optional<String> storedHash) {
        boolean matches = check(storedHash.orElse(decoyHash), password);
        return storedHash.isPresent() && matches;
    }

    private static boolean check(String hash, String password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
