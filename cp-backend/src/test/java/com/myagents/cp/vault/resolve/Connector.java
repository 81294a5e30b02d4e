package com.myagents.cp.vault.resolve;

import static com.myagents.cp.RunningCpBackend.HTTP;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

/** Plays a connector calling the internal resolve endpoint. */
final class Connector {

    static final Principal LINKEDIN = new Principal("connector-linkedin", Principal.Kind.SERVICE, null, Set.of());

    private Connector() {
    }

    static String token() {
        return new IdentityTokens(ResolverTokens.ISSUER, RunningCpBackend.RESOLVER_KEY)
                .sign(LINKEDIN, ResolverTokens.AUDIENCE, Duration.ofMinutes(1));
    }

    /** As a connector would call: the execution's correlation id in the body and in the header. */
    static HttpResponse<String> resolve(String bearer, String ref, String customerId, String correlationId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(RunningCpBackend.vaultUri(ResolveController.PATH))
                .header(Hops.CORRELATION_HEADER, correlationId);
        return send(bearer, builder, """
                {"credential_ref":"%s","customer_id":"%s","purpose":"publish","correlation_id":"%s"}"""
                .formatted(ref, customerId, correlationId));
    }

    static HttpResponse<String> resolveRaw(String bearer, String body) {
        return send(bearer, HttpRequest.newBuilder(RunningCpBackend.vaultUri(ResolveController.PATH)), body);
    }

    private static HttpResponse<String> send(String bearer, HttpRequest.Builder builder, String body) {
        builder.header("Content-Type", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
