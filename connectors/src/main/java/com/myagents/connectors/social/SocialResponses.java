package com.myagents.connectors.social;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.NoAnswer;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.http.Unreachable;

/**
 * What LinkedIn, X and Meta answers mean for a post. A post has no idempotency key at either platform,
 * so an answer that never came or a 5xx leaves it unknown whether the post went out: the result is
 * failed with {@code outcome_unknown} for a human to check, never posted again. A connection that
 * could not even be made sent nothing and is retried.
 */
public final class SocialResponses {

    static final String RATE_LIMITED = "rate_limited";
    static final String PLATFORM_UNAUTHORIZED = "platform_unauthorized";
    static final String PLATFORM_FORBIDDEN = "platform_forbidden";
    static final String PLATFORM_REJECTED = "platform_rejected";

    private SocialResponses() {
    }

    /** Sends the post; a response, or an outcome when the answer says nothing definite. */
    static Sent send(Transport transport, OutgoingRequest request, String platform) {
        try {
            PlatformResponse response = transport.send(request);
            if (response.serverError()) {
                return new Sent(null, unknown(platform, "it answered HTTP " + response.status() + " ("
                        + response.excerpt() + ")"));
            }
            return new Sent(response, null);
        } catch (Unreachable e) {
            throw new RetryLater(platform + " unreachable, nothing was sent: " + e.getMessage(), true, e);
        } catch (NoAnswer e) {
            return new Sent(null, unknown(platform, "no complete answer came back (" + e.getMessage() + ")"));
        }
    }

    record Sent(PlatformResponse response, Outcome unknown) {
    }

    public static Outcome unknown(String platform, String why) {
        return Outcome.failed(Outcome.OUTCOME_UNKNOWN, "the post was sent to " + platform + " but " + why
                + "; it may or may not be live. It is not posted again: a person has to check the account");
    }

    static Outcome refused(String platform, PlatformResponse response, String message) {
        String said = message != null ? message : response.excerpt();
        return switch (response.status()) {
            case 401 -> Outcome.failed(PLATFORM_UNAUTHORIZED, platform + " refused the access token (expired or"
                    + " revoked): reconnect " + platform + " in CP. " + platform + " said: " + said);
            case 403 -> Outcome.failed(PLATFORM_FORBIDDEN, platform + " does not allow this post: " + said);
            case 429 -> Outcome.failed(RATE_LIMITED, platform + " rate limit reached, the post was not published"
                    + response.header("x-rate-limit-reset").map(r -> " (limit resets at " + r + ")").orElse(""));
            default -> Outcome.failed(PLATFORM_REJECTED, platform + " rejected the post (HTTP " + response.status()
                    + "): " + said);
        };
    }
}
