package com.myagents.connectors;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code myagents.connectors.*}: the mode (globally and per hired instance), where the vault and
 * the platforms are, and how transient failures are retried.
 */
@ConfigurationProperties("myagents.connectors")
public record ConnectorsProperties(
        @DefaultValue("dry_run") ExecutionMode mode,
        Map<String, ExecutionMode> instanceModes,
        @DefaultValue("http://localhost:8096") URI vaultUrl,
        @DefaultValue("myagents-connectors") String groupId,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoffInitial,
        @DefaultValue("30s") Duration retryBackoffMax,
        @DefaultValue("15s") Duration httpTimeout,
        @DefaultValue("30s") Duration catalogWait,
        @DefaultValue Delta delta,
        @DefaultValue LinkedIn linkedin,
        @DefaultValue X x,
        @DefaultValue Meta meta,
        @DefaultValue Media media) {

    public ConnectorsProperties {
        instanceModes = instanceModes == null ? Map.of() : Map.copyOf(instanceModes);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("myagents.connectors.max-attempts must be at least 1");
        }
    }

    /** The mode for one hired instance: its own override, else the global mode. */
    public ExecutionMode modeFor(String hiredInstanceId) {
        return hiredInstanceId == null ? mode : instanceModes.getOrDefault(hiredInstanceId, mode);
    }

    /**
     * @param markPriceSymbols  the products whose mark price is published for the trading planner
     *                          (none by default: market orders are then refused for want of a price)
     * @param markPriceInterval how often those prices are read from Delta's public ticker
     */
    public record Delta(
            @DefaultValue("https://api.india.delta.exchange") URI baseUrl,
            @DefaultValue("myagents-connectors/0.1 (java)") String userAgent,
            @DefaultValue("85") BigDecimal usdInrRate,
            List<String> markPriceSymbols,
            @DefaultValue("30s") Duration markPriceInterval) {

        public Delta {
            markPriceSymbols = markPriceSymbols == null ? List.of() : List.copyOf(markPriceSymbols);
        }
    }

    public record LinkedIn(
            @DefaultValue("https://api.linkedin.com") URI baseUrl,
            @DefaultValue("202605") String version) {
    }

    public record X(@DefaultValue("https://api.x.com") URI baseUrl) {
    }

    /** Meta's Graph API (Facebook Pages, Instagram), pinned to one version. */
    public record Meta(
            @DefaultValue("https://graph.facebook.com") URI baseUrl,
            @DefaultValue("v21.0") String version) {
    }

    /**
     * Where platforms fetch an attached image: cp-backend's public address, the key signing the
     * short-lived URL (shared with cp-backend; blank means no image can be handed over) and how long it lives.
     */
    public record Media(
            @DefaultValue("http://localhost:8080") URI publicUrl,
            @DefaultValue("") String signingKey,
            @DefaultValue("15m") Duration urlTtl) {
    }
}
