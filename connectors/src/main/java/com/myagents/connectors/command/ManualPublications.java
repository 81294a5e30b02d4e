package com.myagents.connectors.command;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.intent.Intent;
import com.myagents.connectors.intent.Intents;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.publishing.SocialPlatform;

/**
 * An allowed command that carries the manual mark: the customer already published the approved
 * post themselves. Nothing is called and no credential resolved, whatever the mode; the record
 * says what the customer did, so the result (and the reservation it settles) is true.
 */
final class ManualPublications {

    private ManualPublications() {
    }

    static Outcome outcome(Intent intent, ExecutionCommand command) {
        if (!(intent instanceof SocialPost post)) {
            return Outcome.failed(Intents.UNSUPPORTED_ACTION, "only a social post can be published by hand, not "
                    + command.action() + ". Nothing was sent");
        }
        String url = command.manual().postedUrl();
        String label = SocialPlatform.fromCode(post.platform().code()).label();
        return Outcome.executedManually(url, "published by hand on " + label + " by the customer, who marked it"
                + " posted" + (url != null ? ": " + url : " (no post URL given)") + ". No connector called " + label);
    }
}
