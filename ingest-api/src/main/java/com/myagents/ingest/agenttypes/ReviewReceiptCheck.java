package com.myagents.ingest.agenttypes;

import org.springframework.stereotype.Component;

import com.myagents.ingest.ReviewSettings;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.review.DefinitionHash;
import com.myagents.http.review.ReviewReceipts;

import tools.jackson.databind.node.ObjectNode;

/**
 * Plant publishes a version only with pp-backend's review receipt for exactly that content: an admin
 * call alone (through any path to Plant) is not enough. Without {@code myagents.review.receipt-key}
 * nothing publishes.
 */
@Component
class ReviewReceiptCheck {

    private final ReviewReceipts receipts;

    ReviewReceiptCheck(ReviewSettings settings) {
        this.receipts = ReviewReceipts.fromKey(settings.receiptKey());
    }

    /** @throws ApiProblem 403 unless {@code token} is a valid, unexpired receipt for {@code draft} as it is now */
    void require(String token, AgentTypeDefinition draft) {
        if (receipts == null) {
            throw ApiProblem.forbidden("review_required",
                    "publishing is disabled: no review receipt key is configured (myagents.review.receipt-key)");
        }
        ReviewReceipts.Receipt receipt;
        try {
            receipt = receipts.verify(token);
        } catch (InvalidTokenException e) {
            throw ApiProblem.forbidden("review_required",
                    "a version is published only through PP's review (validate, then publish in Agent Management)");
        }
        if (!receipt.agentTypeId().equals(draft.agentTypeId()) || !receipt.version().equals(draft.version())) {
            throw ApiProblem.forbidden("review_receipt_mismatch", "the review receipt is for another version");
        }
        if (!receipt.definitionHash().equals(hash(draft))) {
            throw ApiProblem.forbidden("review_receipt_stale",
                    "the version changed after it was reviewed; publish it again from Agent Management");
        }
    }

    static String hash(AgentTypeDefinition d) {
        ObjectNode content = EventJson.MAPPER.createObjectNode();
        content.put("agent_type_id", d.agentTypeId());
        content.put("version", d.version());
        content.put("display_name", d.displayName());
        content.put("description", d.description());
        content.set("config_schema", d.configSchema());
        content.set("ui_hints", d.uiHints());
        content.set("goal_templates", d.goalTemplates());
        content.set("enforcement_defaults", d.enforcementDefaults());
        content.set("extra_rules", d.extraRules());
        return DefinitionHash.of(content);
    }
}
