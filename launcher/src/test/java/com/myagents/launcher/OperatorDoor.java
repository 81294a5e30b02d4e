package com.myagents.launcher;

import static com.myagents.pp.jooq.generated.Tables.OPERATOR_AUDIT;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;
import com.myagents.testsupport.Http;

import tools.jackson.databind.JsonNode;

/**
 * PP as an operator's browser uses it on the running system: the demo operators signed in once
 * each, their calls, and what pp-backend recorded of them (its own audit table). Also the one call
 * no browser can make, straight to the gateway vouched for by pp-backend's service key, to show that
 * Plant itself refuses what pp's checks guard.
 */
final class OperatorDoor {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final Http http = new Http(() -> URI.create("http://localhost:" + RunningSystem.options().ports().ppBackend()),
            "/api/pp/auth/login");

    /** ops@myagents.local, an admin. */
    String admin() {
        return tokenOf("ops");
    }

    String support() {
        return tokenOf("support");
    }

    String auditor() {
        return tokenOf("auditor");
    }

    HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, null);
    }

    HttpResponse<String> call(String method, String path, String token, String body, String correlationId) {
        return http.call(method, path, token, body, correlationId);
    }

    /** What pp-backend audited under the correlation id it minted for a call, oldest first. */
    List<OperatorAuditRecord> audit(String correlationId) {
        DSLContext pp = RunningSystem.stack().services().get("pp-backend").getBean(DSLContext.class);
        return pp.selectFrom(OPERATOR_AUDIT).where(OPERATOR_AUDIT.CORRELATION_ID.eq(correlationId))
                .orderBy(OPERATOR_AUDIT.ID).fetch();
    }

    /** Straight to the gateway as pp-backend vouching for {@code operator}: what a call around pp's own checks looks like. */
    HttpResponse<String> atGatewayAs(Principal operator, String method, String path, String body) {
        IdentityTokens pp = new IdentityTokens(Hops.PP_ISSUER, Keys.decode(
                LocalSecrets.loadOrCreate(RunningSystem.options().dataDir()).get("pp-service-key")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + RunningSystem.options().ports().gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + pp.sign(operator, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return Http.json(response);
    }

    static List<String> values(JsonNode list, String member) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(member).asString()));
        return values;
    }

    private String tokenOf(String name) {
        return TOKENS.computeIfAbsent(name, n -> http.login(n + "@myagents.local", n + "-password"));
    }
}
