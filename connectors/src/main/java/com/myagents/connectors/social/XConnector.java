package com.myagents.connectors.social;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.DryRunPlan;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.PlatformCredential;
import com.myagents.contracts.execution.ExecutionCommand;

import tools.jackson.databind.JsonNode;

/** X's {@code POST /2/tweets} with the account's OAuth 2.0 user token; the post id comes back in {@code data.id}. */
public class XConnector extends SocialPostConnector {

    public static final String PATH = "/2/tweets";
    static final String TOKEN_SHOWN = "Bearer <X user access token, resolved from CP's vault at send time>";

    private final URI tweetsUri;

    public XConnector(URI baseUrl, Transport transport, Clock clock) {
        super(Target.X, "X access token", transport, clock);
        this.tweetsUri = baseUrl.resolve(PATH);
    }

    @Override
    protected DryRunPlan plan(SocialPost post) {
        return new DryRunPlan(List.of(request(post, TOKEN_SHOWN)), List.of());
    }

    @Override
    protected Outcome publish(SocialPost post, ExecutionCommand command, PlatformCredential token) {
        return send(request(post, "Bearer " + token.accessToken()), response -> {
            String id = Json.text(response.json().path("data"), "id");
            return Outcome.executed(id, 0, "published on X: post " + id
                    + (token.postingIdentity() != null ? " as " + token.postingIdentity() : ""));
        });
    }

    @Override
    protected Outcome refused(PlatformResponse response) {
        JsonNode json = response.json();
        String message = Json.text(json, "detail");
        if (message == null && json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            message = Json.text(json.path("errors").get(0), "message");
        }
        return SocialResponses.refused("X", response, message);
    }

    private OutgoingRequest request(SocialPost post, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        return new OutgoingRequest("POST", tweetsUri, headers, Json.write(Map.of("text", post.text())),
                Map.of("Authorization", TOKEN_SHOWN));
    }
}
