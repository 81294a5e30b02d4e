package com.myagents.connectors.social;

import java.time.Clock;
import java.util.function.Function;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.Connector;
import com.myagents.connectors.connector.DryRunPlan;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.intent.Intent;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.Credential;
import com.myagents.connectors.vault.PlatformCredential;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.publishing.SocialPlatform;

/**
 * What every social post shares, whatever the platform: a post carries no idempotency key, so no
 * earlier attempt can be settled with the platform; an expired token sends nothing; and the answer
 * to the call that publishes is read by {@link SocialResponses} (lost or 5xx: unknown, never posted again).
 * A platform says how its post is built, sent and refused.
 */
public abstract class SocialPostConnector implements Connector {

    public static final String CREDENTIAL_EXPIRED = "credential_expired";

    private final Target target;
    private final String platform;
    private final String tokenName;
    private final Transport transport;
    private final Clock clock;

    /** @param tokenName what the platform's credential is called in words ("LinkedIn access token") */
    protected SocialPostConnector(Target target, String tokenName, Transport transport, Clock clock) {
        this.target = target;
        this.platform = SocialPlatform.valueOf(target.name()).label();
        this.tokenName = tokenName;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public final Target target() {
        return target;
    }

    @Override
    public final boolean canSettleAnEarlierAttempt() {
        return false;
    }

    @Override
    public final DryRunPlan describe(Intent intent, ExecutionCommand command) {
        return plan((SocialPost) intent);
    }

    @Override
    public final Outcome perform(Intent intent, ExecutionCommand command, Credential credential, boolean resumed) {
        SocialPost post = (SocialPost) intent;
        PlatformCredential token = (PlatformCredential) credential;
        Outcome unfit = unfit(post);
        if (unfit != null) {
            return unfit;
        }
        if (token.expiredAt(clock.instant())) {
            return Outcome.failed(CREDENTIAL_EXPIRED, "the " + tokenName + " expired at " + token.expiresAt()
                    + "; reconnect " + platform + " in CP. Nothing was sent");
        }
        return publish(post, command, token);
    }

    /** What a dry run shows: exactly the requests {@link #publish} would send, without the token. */
    protected abstract DryRunPlan plan(SocialPost post);

    /** Why the platform cannot take this post whatever the credential, before it is looked at; null when it can. */
    protected Outcome unfit(SocialPost post) {
        return null;
    }

    /** Publishes the post with an unexpired token. */
    protected abstract Outcome publish(SocialPost post, ExecutionCommand command, PlatformCredential token);

    /** The platform's refusal (a 4xx) in words, with the code the results table uses. */
    protected abstract Outcome refused(PlatformResponse response);

    /**
     * Sends the call that publishes: {@code published} reads a successful answer, {@link #refused} a
     * refusal; a lost answer or a 5xx leaves the post unknown.
     */
    protected final Outcome send(OutgoingRequest request, Function<PlatformResponse, Outcome> published) {
        SocialResponses.Sent sent = SocialResponses.send(transport, request, platform);
        if (sent.unknown() != null) {
            return sent.unknown();
        }
        PlatformResponse response = sent.response();
        return response.successful() ? published.apply(response) : refused(response);
    }

    protected final String platform() {
        return platform;
    }

    protected final Transport transport() {
        return transport;
    }
}
