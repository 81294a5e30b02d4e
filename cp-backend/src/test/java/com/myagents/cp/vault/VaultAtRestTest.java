package com.myagents.cp.vault;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.myagents.cp.CpDatabase;
import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/** The stored rows themselves: tampering with them is detected, and key rotation re-wraps them in place. */
class VaultAtRestTest {

    private final List<String> tampered = new ArrayList<>();

    @AfterEach
    void removeTamperedRows() {
        // broken rows would make every later re-wrap skip them; they served their purpose
        tampered.forEach(ref -> CpDatabase.update("DELETE FROM cp.vault_entries WHERE credential_ref = ?", ref));
    }

    @Test
    void detectsAFlippedCiphertextByteInTheDatabase() {
        String token = "tamper-" + UUID.randomUUID();
        String ref = storePlatformToken(token);
        VaultEntry entry = entry(ref);
        assertThat(vault().reveal(entry)).containsEntry("access_token", token);

        // When someone with database access flips one byte of the ciphertext
        tampered.add(ref);
        byte[] flipped = entry.sealed().secretCiphertext().clone();
        flipped[0] ^= 0x01;
        CpDatabase.update("UPDATE cp.vault_entries SET secret_ciphertext = ? WHERE credential_ref = ?", flipped, ref);

        // Then the secret no longer opens, and a connector asking for it gets an error, not garbage
        assertThatThrownBy(() -> vault().reveal(entry(ref))).isInstanceOf(UnreadableSecretException.class);
        HttpResponse<String> resolved = resolve(ref, "exec-tampered-0001");
        assertThat(resolved.statusCode()).isEqualTo(500);
        assertThat(resolved.body()).doesNotContain(token);
        assertThat(CpDatabase.query("SELECT outcome FROM cp.credential_access_audit WHERE correlation_id = ?",
                "exec-tampered-0001")).singleElement()
                .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("unreadable"));
    }

    @Test
    void refusesEnvelopesSwappedBetweenRowsOrMovedToAnotherCustomer() {
        String mine = storePlatformToken("mine-" + UUID.randomUUID());
        String theirs = storePlatformToken("theirs-" + UUID.randomUUID());
        VaultEntry a = entry(mine);
        VaultEntry b = entry(theirs);
        tampered.addAll(List.of(mine, theirs));

        // When the two rows' envelopes are swapped (same customer, same master key)
        writeEnvelope(mine, b.sealed());
        writeEnvelope(theirs, a.sealed());

        // Then neither opens: each envelope is bound to its own ref
        assertThatThrownBy(() -> vault().reveal(entry(mine))).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> vault().reveal(entry(theirs))).isInstanceOf(UnreadableSecretException.class);

        // nor does a row handed to another customer
        writeEnvelope(mine, a.sealed());
        CpDatabase.update("UPDATE cp.vault_entries SET customer_id = ? WHERE credential_ref = ?",
                UUID.fromString(Demo.OTHER_ID), mine);
        VaultEntry moved = entries().find(UUID.fromString(Demo.OTHER_ID), mine, SecretKind.PLATFORM).orElseThrow();
        assertThatThrownBy(() -> vault().reveal(moved)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void rotatesTheMasterKeyWithOldRowsReadableUntilReWrapped() {
        String token = "rotate-" + UUID.randomUUID();
        String ref = storePlatformToken(token);
        byte[] ciphertextBefore = entry(ref).sealed().secretCiphertext();
        byte[] k1 = RunningCpBackend.VAULT_MASTER_KEY;
        byte[] k2 = new byte[32];
        new SecureRandom().nextBytes(k2);
        assertThat(entries().keyIdsInUse()).containsExactly("k1");

        // Given the next start's settings: k2 current, k1 kept as a previous key (which the start accepts)
        VaultProperties next = new VaultProperties(base64(k2), "k2", Map.of("k1", base64(k1)), false, null, true, 8096);
        EnvelopeCipher afterRotation = new EnvelopeCipher(MasterKeys.load(next, entries().keyIdsInUse()));

        // old rows are readable before the job has run
        assertThat(new Vault(afterRotation, entries()).reveal(entry(ref))).containsEntry("access_token", token);

        try {
            // When the re-wrap job runs
            KeyRotation.Result result = new KeyRotation(entries(), afterRotation).rewrapStaleEntries();

            // Then every row is under k2 with its secret ciphertext unchanged, and k1 alone reads nothing
            assertThat(result.rewrapped()).isPositive();
            assertThat(result.skipped()).isZero();
            assertThat(entries().keyIdsInUse()).containsExactly("k2");
            assertThat(entry(ref).sealed().keyId()).isEqualTo("k2");
            assertThat(entry(ref).sealed().secretCiphertext()).isEqualTo(ciphertextBefore);
            Vault onlyK2 = new Vault(new EnvelopeCipher(MasterKeys.of("k2", k2, Map.of())), entries());
            assertThat(onlyK2.reveal(entry(ref))).containsEntry("access_token", token);
            assertThatThrownBy(() -> vault().reveal(entry(ref))).isInstanceOf(UnreadableSecretException.class);
            // a second run finds nothing left to do
            assertThat(new KeyRotation(entries(), afterRotation).rewrapStaleEntries())
                    .isEqualTo(new KeyRotation.Result(0, 0));
        } finally {
            // and back, so the running app (k1 only) reads every row again
            EnvelopeCipher back = new EnvelopeCipher(MasterKeys.of("k1", k1, Map.of("k2", k2)));
            new KeyRotation(entries(), back).rewrapStaleEntries();
        }
        assertThat(entries().keyIdsInUse()).containsExactly("k1");
        assertThat(vault().reveal(entry(ref))).containsEntry("access_token", token);
    }

    @Test
    void skipsARowItCannotOpenAndGoesOnWithTheRest() {
        String broken = storePlatformToken("broken-" + UUID.randomUUID());
        String fine = storePlatformToken("fine-" + UUID.randomUUID());
        tampered.add(broken);
        // a row that claims a key this process has no key for
        CpDatabase.update("UPDATE cp.vault_entries SET key_id = 'k0' WHERE credential_ref = ?", broken);

        KeyRotation.Result result = new KeyRotation(entries(), new EnvelopeCipher(
                MasterKeys.of("k1", RunningCpBackend.VAULT_MASTER_KEY, Map.of()))).rewrapStaleEntries();

        assertThat(result).isEqualTo(new KeyRotation.Result(0, 1));
        assertThat(entry(fine).sealed().keyId()).isEqualTo("k1");
        assertThat(entry(broken).sealed().keyId()).isEqualTo("k0");
    }

    @Test
    void leavesTheVaultAloneAtStartWhenEveryRowUsesTheCurrentKey() {
        RewrapOnStart onStart = RunningCpBackend.bean(RewrapOnStart.class);

        onStart.rewrapIfNeeded();
        onStart.run();

        assertThat(entries().keyIdsInUse()).isSubsetOf(Set.of("k1"));
    }

    private static String storePlatformToken(String token) {
        HttpResponse<String> response = HTTP.putJson("/api/cp/platform-credentials", Demo.token(), """
                {"platform":"facebook","posting_identity":"page","access_token":"%s"}""".formatted(token));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("credential_ref").asString();
    }

    private static Vault vault() {
        return RunningCpBackend.bean(Vault.class);
    }

    private static VaultEntries entries() {
        return RunningCpBackend.bean(VaultEntries.class);
    }

    private static VaultEntry entry(String ref) {
        return entries().find(UUID.fromString(Demo.CUSTOMER_ID), ref).orElseThrow();
    }

    private static void writeEnvelope(String ref, SealedSecret sealed) {
        CpDatabase.update("UPDATE cp.vault_entries SET key_id = ?, data_key_nonce = ?, wrapped_data_key = ?, "
                + "secret_nonce = ?, secret_ciphertext = ? WHERE credential_ref = ?", sealed.keyId(),
                sealed.dataKeyNonce(), sealed.wrappedDataKey(), sealed.secretNonce(), sealed.secretCiphertext(), ref);
    }

    private static HttpResponse<String> resolve(String ref, String correlation) {
        Principal connector = new Principal("connector-facebook", Principal.Kind.SERVICE, null, Set.of());
        String token = new IdentityTokens("connector", RunningCpBackend.RESOLVER_KEY)
                .sign(connector, "cp-vault", Duration.ofMinutes(1));
        return HTTP.send(HttpRequest.newBuilder(RunningCpBackend.vaultUri("/internal/vault/resolve"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"credential_ref":"%s","customer_id":"%s","purpose":"publish","correlation_id":"%s"}"""
                        .formatted(ref, Demo.CUSTOMER_ID, correlation))).build());
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
