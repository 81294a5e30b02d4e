package com.myagents.cp.vault.resolve;

import org.apache.catalina.connector.Connector;

/**
 * The vault's own listener: a second Tomcat connector on {@code myagents.vault.internal-port} (8096 by
 * default; 0 picks a free one), for the connectors only. The resolve endpoint answers there and
 * nowhere else; nothing but the resolve endpoint and health answers there. Deployments keep this port
 * off the public network (docker-compose does not publish it).
 */
public final class VaultListener {

    private final Connector connector;

    VaultListener(int port) {
        this.connector = new Connector();
        this.connector.setPort(port);
    }

    Connector connector() {
        return connector;
    }

    /** The port it listens on once started (the configured one, or the one picked for 0). */
    public int port() {
        return connector.getLocalPort();
    }
}
