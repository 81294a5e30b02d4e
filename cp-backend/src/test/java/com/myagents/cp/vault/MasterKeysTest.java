package com.myagents.cp.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class MasterKeysTest {

    private static final String KEY = base64(32);
    private static final String OLD_KEY = base64(32);

    @Test
    void loadsTheConfiguredKeyUnderItsId() {
        MasterKeys keys = MasterKeys.load(settings(KEY, "k7", Map.of(), false), Set.of("k7"));

        assertThat(keys.currentId()).isEqualTo("k7");
        assertThat(keys.current()).isEqualTo(Base64.getDecoder().decode(KEY));
    }

    @Test
    void keepsPreviousKeysForReadingOnly() {
        MasterKeys keys = MasterKeys.load(settings(KEY, "k2", Map.of("k1", OLD_KEY), false), Set.of("k1", "k2"));

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(keys.byId("k1")).hasValueSatisfying(key -> assertThat(key).isEqualTo(Base64.getDecoder().decode(OLD_KEY)));
    }

    @Test
    void refusesToStartWithoutAKeyWhileEncryptedRowsExist() {
        // even when asked to generate one: a new key could not read the rows
        assertThatThrownBy(() -> MasterKeys.load(settings(null, "k1", Map.of(), true), Set.of("k1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.vault.master-key")
                .hasMessageContaining("[k1]");
    }

    @Test
    void refusesToStartWithoutAKeyEvenWithNoRowsUnlessToldToGenerateOne() {
        assertThatThrownBy(() -> MasterKeys.load(settings(" ", "k1", Map.of(), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MYAGENTS_VAULT_MASTER_KEY")
                .hasMessageContaining("generate-if-missing");

        MasterKeys generated = MasterKeys.load(settings(null, "k1", Map.of(), true), Set.of());
        assertThat(generated.current()).hasSize(32);
        assertThat(MasterKeys.load(settings(null, "k1", Map.of(), true), Set.of()).current())
                .isNotEqualTo(generated.current());
    }

    @Test
    void refusesRowsUnderAKeyIdNoConfiguredKeyHas() {
        assertThatThrownBy(() -> MasterKeys.load(settings(KEY, "k2", Map.of(), false), Set.of("k1", "k2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[k1]")
                .hasMessageContaining("myagents.vault.previous-keys");
    }

    @Test
    void refusesKeysThatAreNotAes256WithoutEchoingThem() {
        String shortKey = base64(16);
        assertThatThrownBy(() -> MasterKeys.load(settings(shortKey, "k1", Map.of(), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> MasterKeys.load(settings("not base64 !!", "k1", Map.of(), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("myagents.vault.master-key is not valid base64");
        assertThatThrownBy(() -> MasterKeys.load(settings(KEY, "k2", Map.of("k1", base64(31)), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.vault.previous-keys.k1");
    }

    @Test
    void refusesAPreviousKeyUnderTheCurrentIdAndMalformedIds() {
        assertThatThrownBy(() -> MasterKeys.load(settings(KEY, "k1", Map.of("k1", OLD_KEY), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reuses the id");
        assertThatThrownBy(() -> MasterKeys.load(settings(KEY, "k 1", Map.of(), false), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id");
    }

    @Test
    void keepsKeysOutOfItsSettingsText() {
        VaultProperties settings = new VaultProperties(KEY, "k1", Map.of("k0", OLD_KEY), false, base64(32), true, 8096);

        assertThat(settings.toString()).doesNotContain(KEY).doesNotContain(OLD_KEY).contains("k0");
    }

    @Test
    void bindsThePropertiesAndEnvironmentVariablesTheLauncherPasses() {
        Map<String, Object> environment = Map.of("MYAGENTS_VAULT_MASTER_KEY", KEY, "MYAGENTS_VAULT_MASTER_KEY_ID", "k2",
                "MYAGENTS_VAULT_PREVIOUSKEYS_K1", OLD_KEY, "MYAGENTS_VAULT_RESOLVER_KEY", "resolver");
        Binder fromEnvironment = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        Binder fromProperties = new Binder(new MapConfigurationPropertySource(Map.of(
                "myagents.vault.master-key", KEY, "myagents.vault.master-key-id", "k2",
                "myagents.vault.previous-keys.k1", OLD_KEY, "myagents.vault.resolver-key", "resolver")));

        for (Binder binder : List.of(fromEnvironment, fromProperties)) {
            VaultProperties bound = binder.bind("myagents.vault", VaultProperties.class).get();
            assertThat(bound.masterKey()).isEqualTo(KEY);
            assertThat(bound.masterKeyId()).isEqualTo("k2");
            assertThat(bound.previousKeys()).containsOnlyKeys("k1");
            assertThat(bound.previousKeys().get("k1")).isEqualTo(OLD_KEY);
            assertThat(bound.resolverKey()).isEqualTo("resolver");
            assertThat(MasterKeys.load(bound, Set.of("k1")).ids()).containsExactlyInAnyOrder("k1", "k2");
        }
    }

    private static VaultProperties settings(String key, String id, Map<String, String> previous, boolean generate) {
        return new VaultProperties(key, id, previous, generate, null, true, 8096);
    }

    private static String base64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
