package com.myagents.connectors.social;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

/**
 * LinkedIn's Posts API: {@code POST /rest/posts} with a {@code LinkedIn-Version} header, the
 * member's bearer token, and the author URN the credential posts as (a person or an
 * organization). The new post's URN comes back in {@code x-restli-id}.
 */
public class LinkedInConnector extends SocialPostConnector {

    public static final String PATH = "/rest/posts";
    public static final String AUTHOR_MISSING = "linkedin_author_missing";
    static final Pattern AUTHOR = Pattern.compile("^urn:li:(person|organization):[A-Za-z0-9_-]+$");
    static final String TOKEN_SHOWN = "Bearer <LinkedIn access token, resolved from CP's vault at send time>";
    static final String AUTHOR_SHOWN = "<person or organization URN the LinkedIn credential posts as, resolved at send time>";

    private final URI postsUri;
    private final String version;

    public LinkedInConnector(URI baseUrl, String version, Transport transport, Clock clock) {
        super(Target.LINKEDIN, "LinkedIn access token", transport, clock);
        this.postsUri = baseUrl.resolve(PATH);
        this.version = version;
    }

    @Override
    protected DryRunPlan plan(SocialPost post) {
        String author = isUrn(post.postingIdentity()) ? post.postingIdentity() : AUTHOR_SHOWN;
        return new DryRunPlan(List.of(request(post, author, TOKEN_SHOWN)), List.of(
                "the author is the posting identity of the LinkedIn credential when it names one"));
    }

    @Override
    protected Outcome publish(SocialPost post, ExecutionCommand command, PlatformCredential token) {
        String author = isUrn(token.postingIdentity()) ? token.postingIdentity()
                : isUrn(post.postingIdentity()) ? post.postingIdentity() : null;
        if (author == null) {
            return Outcome.failed(AUTHOR_MISSING, "LinkedIn needs the author as a person or organization URN"
                    + " (urn:li:person:… or urn:li:organization:…); neither the credential nor the post names one."
                    + " Nothing was sent");
        }
        return send(request(post, author, "Bearer " + token.accessToken()), response -> {
            String id = response.header("x-restli-id").or(() -> response.header("x-linkedin-id")).orElse(null);
            return Outcome.executed(id, 0, "published on LinkedIn as " + author + ": post "
                    + (id != null ? id : "(LinkedIn returned no post id)"));
        });
    }

    @Override
    protected Outcome refused(PlatformResponse response) {
        return SocialResponses.refused("LinkedIn", response, Json.text(response.json(), "message"));
    }

    private OutgoingRequest request(SocialPost post, String author, String authorization) {
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("feedDistribution", "MAIN_FEED");
        distribution.put("targetEntities", List.of());
        distribution.put("thirdPartyDistributionChannels", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("author", author);
        body.put("commentary", LittleText.escape(post.text()));
        body.put("visibility", "PUBLIC");
        body.put("distribution", distribution);
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("LinkedIn-Version", version);
        headers.put("X-Restli-Protocol-Version", "2.0.0");
        headers.put("Content-Type", "application/json");
        return new OutgoingRequest("POST", postsUri, headers, Json.write(body), Map.of("Authorization", TOKEN_SHOWN));
    }

    private static boolean isUrn(String identity) {
        return identity != null && AUTHOR.matcher(identity).matches();
    }
}
