package com.myagents.cp;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.embedded.SharedTestInfra;

/**
 * One cp-backend per test JVM, started through {@link CpBackendApplication#builder()} like the
 * launcher does: a real HTTP server on a random port, the real PostgreSQL (schema cp, demo data on)
 * and a {@link RecordingGateway} where the gateway would be.
 */
public final class RunningCpBackend {

    public static final byte[] TOKEN_KEY = randomKey();
    public static final byte[] SERVICE_KEY = randomKey();
    public static final byte[] VAULT_MASTER_KEY = randomKey();
    public static final String VAULT_MASTER_KEY_ID = "k1";
    public static final byte[] RESOLVER_KEY = randomKey();
    public static final byte[] MEDIA_KEY = randomKey();
    public static final RecordingGateway GATEWAY = RecordingGateway.start();

    private static ConfigurableApplicationContext app;
    private static URI base;

    private RunningCpBackend() {
    }

    public static synchronized URI base() {
        if (app == null) {
            EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
            app = CpBackendApplication.builder().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--myagents.demo-data=true",
                    "--myagents.tokens.key=" + Base64.getEncoder().encodeToString(TOKEN_KEY),
                    "--myagents.gateway.url=" + GATEWAY.uri(),
                    "--myagents.gateway.service-key=" + Base64.getEncoder().encodeToString(SERVICE_KEY),
                    "--myagents.vault.master-key=" + Base64.getEncoder().encodeToString(VAULT_MASTER_KEY),
                    "--myagents.vault.master-key-id=" + VAULT_MASTER_KEY_ID,
                    "--myagents.vault.resolver-key=" + Base64.getEncoder().encodeToString(RESOLVER_KEY),
                    "--myagents.vault.internal-port=0",
                    "--myagents.media.url-signing-key=" + Base64.getEncoder().encodeToString(MEDIA_KEY));
            base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        }
        return base;
    }

    /** A bean of the running app, for tests that look behind the HTTP surface (e.g. the key rotation job). */
    public static <T> T bean(Class<T> type) {
        base();
        return app.getBean(type);
    }

    public static URI uri(String path) {
        return base().resolve(path);
    }

    /** A path on the vault's internal listener, where the connectors resolve. */
    public static URI vaultUri(String path) {
        base();
        return URI.create("http://127.0.0.1:" + app.getBean(com.myagents.cp.vault.resolve.VaultListener.class).port())
                .resolve(path);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
