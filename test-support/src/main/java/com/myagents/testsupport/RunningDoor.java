package com.myagents.testsupport;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.embedded.EmbeddedPostgresServer;

/**
 * A door (cp-backend or pp-backend) started on first use through its application's builder, like the
 * launcher does: a real HTTP server on a random port, this JVM's PostgreSQL with the demo data on,
 * keys of its own, and a {@link RecordingGateway} where the gateway would be. Registered as a test's
 * extension ({@code @RegisterExtension}), it is started before each test and its gateway has
 * forgotten what earlier tests sent.
 */
public final class RunningDoor implements BeforeEachCallback {

    private final Supplier<SpringApplicationBuilder> application;
    private final List<String> ownArguments;
    private final byte[] tokenKey = randomKey();
    private final byte[] serviceKey = randomKey();
    private final RecordingGateway gateway = RecordingGateway.start();
    private final Http http;
    private ConfigurableApplicationContext app;
    private URI base;

    /**
     * @param application  the door's builder, e.g. {@code CpBackendApplication::builder}
     * @param loginPath    where the door signs people in, for {@link Http#login}
     * @param ownArguments the door's own settings beyond the database, its keys and the gateway
     */
    public RunningDoor(Supplier<SpringApplicationBuilder> application, String loginPath, String... ownArguments) {
        this.application = application;
        this.ownArguments = List.of(ownArguments);
        this.http = new Http(this::base, loginPath);
    }

    public synchronized URI base() {
        if (app == null) {
            EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--myagents.demo-data=true",
                    "--myagents.tokens.key=" + base64(tokenKey),
                    "--myagents.gateway.url=" + gateway.uri(),
                    "--myagents.gateway.service-key=" + base64(serviceKey)));
            arguments.addAll(ownArguments);
            app = application.get().run(arguments.toArray(String[]::new));
            base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        }
        return base;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        base();
        gateway.forget();
    }

    public URI uri(String path) {
        return base().resolve(path);
    }

    /** A bean of the running app, for tests that look behind the HTTP surface. */
    public <T> T bean(Class<T> type) {
        base();
        return app.getBean(type);
    }

    /** The key the door signs its access tokens with. */
    public byte[] tokenKey() {
        return tokenKey;
    }

    /** The key the door signs its service assertions to the gateway with. */
    public byte[] serviceKey() {
        return serviceKey;
    }

    public RecordingGateway gateway() {
        return gateway;
    }

    public Http http() {
        return http;
    }

    /** 32 random bytes, as every key of the doors is. */
    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
