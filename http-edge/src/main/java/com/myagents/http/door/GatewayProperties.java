package com.myagents.http.door;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway is and the key a door signs its service assertions with (base64, at least
 * 32 bytes, the same key the gateway verifies this door's calls with).
 */
@ConfigurationProperties("myagents.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8090") URI url, String serviceKey,
                                @DefaultValue("15s") Duration timeout) {
}
