package com.myagents.cp;

import static com.myagents.testsupport.RunningDoor.base64;
import static com.myagents.testsupport.RunningDoor.randomKey;

import java.net.URI;

import com.myagents.testsupport.Http;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RunningDoor;

/**
 * One cp-backend per test JVM ({@link RunningDoor}: schema cp, demo data on, a {@link RecordingGateway}
 * where the gateway would be), with the vault's and the media's keys of its own.
 */
public final class RunningCpBackend {

    public static final byte[] VAULT_MASTER_KEY = randomKey();
    public static final String VAULT_MASTER_KEY_ID = "k1";
    public static final byte[] RESOLVER_KEY = randomKey();
    public static final byte[] MEDIA_KEY = randomKey();

    /** The running door; a test registers it as an extension to start each test with a gateway that forgot earlier calls. */
    public static final RunningDoor DOOR = new RunningDoor(CpBackendApplication::builder, "/api/cp/auth/login",
            "--myagents.vault.master-key=" + base64(VAULT_MASTER_KEY),
            "--myagents.vault.master-key-id=" + VAULT_MASTER_KEY_ID,
            "--myagents.vault.resolver-key=" + base64(RESOLVER_KEY),
            "--myagents.vault.internal-port=0",
            "--myagents.media.url-signing-key=" + base64(MEDIA_KEY));

    public static final byte[] TOKEN_KEY = DOOR.tokenKey();
    public static final byte[] SERVICE_KEY = DOOR.serviceKey();
    public static final RecordingGateway GATEWAY = DOOR.gateway();
    /** cp-backend's HTTP surface, as the browser calls it. */
    public static final Http HTTP = DOOR.http();

    private RunningCpBackend() {
    }

    public static URI base() {
        return DOOR.base();
    }

    /** A bean of the running app, for tests that look behind the HTTP surface (e.g. the key rotation job). */
    public static <T> T bean(Class<T> type) {
        return DOOR.bean(type);
    }

    public static URI uri(String path) {
        return DOOR.uri(path);
    }

    /** A path on the vault's internal listener, where the connectors resolve. */
    public static URI vaultUri(String path) {
        return URI.create("http://127.0.0.1:" + bean(com.myagents.cp.vault.resolve.VaultListener.class).port())
                .resolve(path);
    }
}
