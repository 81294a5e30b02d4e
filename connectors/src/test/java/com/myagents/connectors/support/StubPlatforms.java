package com.myagents.connectors.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Principal;

/**
 * One local HTTP server standing in for Delta Exchange ({@code /v2/...}), LinkedIn
 * ({@code /rest/posts}), X ({@code /2/tweets}) and cp-backend's vault ({@code /internal/vault/resolve}).
 * Like the real ones it refuses what is not properly authenticated: a Delta request whose
 * signature does not verify gets Delta's 401, a vault call without a valid connector service
 * token gets 401. Every request is logged, so tests count what reached each API.
 */
public final class StubPlatforms {

    public static final String DELTA_API_KEY = "delta-test-key-7f3a";
    public static final String DELTA_API_SECRET = "delta-test-secret-0c9e5b21";
    public static final byte[] RESOLVER_KEY = Commands.randomKey();
    public static final String RESOLVER_KEY_BASE64 = java.util.Base64.getEncoder().encodeToString(RESOLVER_KEY);

    public static final String GRAPH_VERSION = "v21.0";
    public static final byte[] MEDIA_KEY = Commands.randomKey();
    public static final String MEDIA_KEY_BASE64 = java.util.Base64.getEncoder().encodeToString(MEDIA_KEY);
    /** The smallest JPEG header a fetcher recognises (SOI + APP0 JFIF marker) and a few bytes. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    private static StubPlatforms shared;

    private final WireMockServer server;
    private final InstagramFetchesImage instagramFetches;
    /** The service principals the vault saw, in order. */
    private final List<Principal> vaultCallers = new CopyOnWriteArrayList<>();

    private StubPlatforms(WireMockServer server, InstagramFetchesImage instagramFetches) {
        this.server = server;
        this.instagramFetches = instagramFetches;
    }

    /** The one server of this JVM, as the last test left it: {@link #reset()} it first. */
    public static synchronized StubPlatforms shared() {
        if (shared == null) {
            InstagramFetchesImage fetches = new InstagramFetchesImage();
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(fetches));
            server.start();
            shared = new StubPlatforms(server, fetches);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stub-platforms-stop"));
        }
        return shared;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
        vaultCallers.clear();
        instagramFetches.fetches.clear();
        // like Delta, public market data (tickers) needs no signature; everything else under /v2/ does
        server.stubFor(requestMatching(request -> MatchResult.of(request.getUrl().startsWith("/v2/")
                && !request.getUrl().startsWith("/v2/tickers/") && !deltaSignatureValid(request)))
                .atPriority(1)
                .willReturn(json(401, "{\"success\":false,\"error\":{\"code\":\"InvalidSignature\"}}")));
        server.stubFor(requestMatching(request -> MatchResult.of(request.getUrl().startsWith("/internal/vault/")
                && !vaultTokenValid(request)))
                .atPriority(1)
                .willReturn(json(401, "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}")));
    }

    // ---------------------------------------------------------------- cp-backend's vault

    public void vaultHasExchangeSetup(String ref, String customerId, String apiKey, String apiSecret) {
        server.stubFor(post(urlEqualTo("/internal/vault/resolve"))
                .withRequestBody(matchingJsonPath("$.credential_ref", equalTo(ref)))
                .withRequestBody(matchingJsonPath("$.customer_id", equalTo(customerId)))
                .willReturn(json(200, """
                        {"kind":"exchange","credential_ref":"%s","customer_id":"%s",
                         "exchange_provider":"delta_exchange_india","default_coin":"BTC","allowed_coins":["BTC","ETH"],
                         "max_units_per_order":10,"max_notional_inr":null,"api_key":"%s","api_secret":"%s"}"""
                        .formatted(ref, customerId, apiKey, apiSecret))));
    }

    public void vaultHasPlatformCredential(String ref, String customerId, String platform, String postingIdentity,
            String accessToken, Instant expiresAt) {
        server.stubFor(post(urlEqualTo("/internal/vault/resolve"))
                .withRequestBody(matchingJsonPath("$.credential_ref", equalTo(ref)))
                .withRequestBody(matchingJsonPath("$.customer_id", equalTo(customerId)))
                .willReturn(json(200, """
                        {"kind":"platform","credential_ref":"%s","customer_id":"%s","platform":"%s",
                         "posting_identity":%s,"expires_at":%s,"access_token":"%s","refresh_token":"r-1"}"""
                        .formatted(ref, customerId, platform, quoted(postingIdentity),
                                expiresAt == null ? "null" : quoted(expiresAt.toString()), accessToken))));
    }

    public void vaultAnswers(int status, String body) {
        server.stubFor(post(urlEqualTo("/internal/vault/resolve")).willReturn(json(status, body)));
    }

    public List<LoggedRequest> vaultCalls() {
        return server.findAll(postRequestedFor(urlEqualTo("/internal/vault/resolve")));
    }

    public List<Principal> vaultCallers() {
        return List.copyOf(vaultCallers);
    }

    // ---------------------------------------------------------------- Delta Exchange

    public void deltaHasNoOrder(String clientOrderId) {
        server.stubFor(get(urlEqualTo("/v2/orders/client_order_id/" + clientOrderId))
                .willReturn(json(404, "{\"success\":false,\"error\":{\"code\":\"not_found\"}}")));
    }

    public void deltaHasOrder(String clientOrderId, String orderJson) {
        server.stubFor(get(urlEqualTo("/v2/orders/client_order_id/" + clientOrderId))
                .willReturn(json(200, "{\"success\":true,\"result\":" + orderJson + "}")));
    }

    public void deltaPlaces(String orderJson) {
        server.stubFor(post(urlEqualTo("/v2/orders")).willReturn(json(200, "{\"success\":true,\"result\":" + orderJson + "}")));
    }

    public void deltaAnswersOrders(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/v2/orders")).willReturn(response));
    }

    public void deltaHasPositions(String positionsJson) {
        server.stubFor(get(urlEqualTo("/v2/positions/margined"))
                .willReturn(json(200, "{\"success\":true,\"result\":" + positionsJson + "}")));
    }

    public List<LoggedRequest> deltaOrdersSent() {
        return server.findAll(postRequestedFor(urlEqualTo("/v2/orders")));
    }

    // ---------------------------------------------------------------- LinkedIn and X

    public void linkedInAccepts(String postUrn) {
        server.stubFor(post(urlEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", postUrn)));
    }

    public void linkedInAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/rest/posts")).willReturn(response));
    }

    public List<LoggedRequest> linkedInPosts() {
        return server.findAll(postRequestedFor(urlEqualTo("/rest/posts")));
    }

    public void xAccepts(String tweetId) {
        server.stubFor(post(urlEqualTo("/2/tweets"))
                .willReturn(json(201, "{\"data\":{\"id\":\"" + tweetId + "\",\"text\":\"…\"}}")));
    }

    public void xAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/2/tweets")).willReturn(response));
    }

    public List<LoggedRequest> xPosts() {
        return server.findAll(postRequestedFor(urlEqualTo("/2/tweets")));
    }

    // ---------------------------------------------------------------- Meta Graph API (Facebook Pages, Instagram)

    public void facebookAccepts(String pageId, String postId) {
        server.stubFor(post(urlEqualTo("/" + GRAPH_VERSION + "/" + pageId + "/feed"))
                .willReturn(json(200, "{\"id\":\"" + postId + "\"}")));
        server.stubFor(post(urlEqualTo("/" + GRAPH_VERSION + "/" + pageId + "/photos"))
                .willReturn(json(200, "{\"id\":\"photo-1\",\"post_id\":\"" + postId + "\"}")));
    }

    public void facebookAnswers(String pageId, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/" + GRAPH_VERSION + "/" + pageId + "/feed")).willReturn(response));
    }

    public List<LoggedRequest> facebookPosts(String pageId) {
        return server.findAll(postRequestedFor(urlPathMatching("/" + GRAPH_VERSION + "/" + pageId + "/(feed|photos)")));
    }

    /** Container creation downloads image_url first (see {@link InstagramFetchesImage}); publishing returns {@code mediaId}. */
    public void instagramAccepts(String accountId, String containerId, String mediaId) {
        server.stubFor(post(urlEqualTo("/" + GRAPH_VERSION + "/" + accountId + "/media"))
                .willReturn(aResponse().withTransformers(InstagramFetchesImage.NAME)
                        .withTransformerParameter("container_id", containerId)));
        server.stubFor(post(urlEqualTo("/" + GRAPH_VERSION + "/" + accountId + "/media_publish"))
                .withRequestBody(matchingJsonPath("$.creation_id", equalTo(containerId)))
                .willReturn(json(200, "{\"id\":\"" + mediaId + "\"}")));
    }

    public List<LoggedRequest> instagramCalls(String accountId) {
        return server.findAll(postRequestedFor(urlPathMatching("/" + GRAPH_VERSION + "/" + accountId + "/media.*")));
    }

    /** The image fetches Instagram's stub made, as {@code url -> HTTP status}. */
    public List<String> instagramFetched() {
        return instagramFetches.fetches.stream().map(f -> f.url() + " -> " + f.status()).toList();
    }

    // ---------------------------------------------------------------- cp-backend's signed media

    /**
     * cp-backend serving one customer's image at its signed address: the signature is checked with
     * the shared key, as cp-backend checks it; a wrong or expired one gets 403.
     */
    public void cpServesImage(String customerId, String mediaId, byte[] bytes) {
        com.myagents.contracts.publishing.MediaUrls urls = new com.myagents.contracts.publishing.MediaUrls(MEDIA_KEY);
        server.stubFor(get(urlPathMatching(com.myagents.contracts.publishing.MediaUrls.PATH_PREFIX + ".*")).atPriority(5)
                .willReturn(json(403, "{\"title\":\"Forbidden\",\"status\":403}")));
        server.stubFor(requestMatching(request -> {
            if (!request.getUrl().startsWith(com.myagents.contracts.publishing.MediaUrls.PATH_PREFIX + mediaId + "?")) {
                return MatchResult.noMatch();
            }
            try {
                return MatchResult.of(urls.verify(request.queryParameter("customer").firstValue(), mediaId,
                        Long.parseLong(request.queryParameter("expires").firstValue()),
                        request.queryParameter("signature").firstValue(), Instant.now()));
            } catch (RuntimeException e) {
                return MatchResult.noMatch();
            }
        }).atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(bytes)));
    }

    public List<LoggedRequest> allRequests() {
        return server.findAll(anyRequestedFor(urlPathMatching("/.*")));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Delta's rule, written out independently of the connector: hex HMAC-SHA256 over method + timestamp + path?query + body. */
    public static boolean deltaSignatureValid(Request request) {
        String key = request.getHeader("api-key");
        String timestamp = request.getHeader("timestamp");
        String signature = request.getHeader("signature");
        String userAgent = request.getHeader("User-Agent");
        if (!DELTA_API_KEY.equals(key) || timestamp == null || signature == null || userAgent == null
                || userAgent.isBlank()) {
            return false;
        }
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > 5) {
            return false;
        }
        String prehash = request.getMethod().getName() + timestamp + request.getUrl() + request.getBodyAsString();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DELTA_API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean vaultTokenValid(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            Principal caller = new IdentityTokens("connector", RESOLVER_KEY)
                    .verify(authorization.substring("Bearer ".length()), "connector", "cp-vault");
            if (caller.kind() != Principal.Kind.SERVICE) {
                return false;
            }
            vaultCallers.add(caller);
            return true;
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** How long a test waits for something asynchronous at most. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
}
