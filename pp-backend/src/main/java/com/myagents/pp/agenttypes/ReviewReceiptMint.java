package com.myagents.pp.agenttypes;

import org.springframework.stereotype.Component;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.review.ReviewReceipts;

/**
 * Mints the review receipt Plant requires to publish, with {@code myagents.review.receipt-key} (shared
 * with Plant only). Called only once the guardrails and the breaking-change check have passed.
 */
@Component
class ReviewReceiptMint {

    private final ReviewReceipts receipts;

    ReviewReceiptMint(ReviewReceiptProperties properties) {
        this.receipts = ReviewReceipts.fromKey(properties.receiptKey());
    }

    String mint(String agentTypeId, String version, String definitionHash, Principal operator) {
        if (receipts == null) {
            throw new ApiProblem(503, "publishing-disabled", "Service Unavailable",
                    "publishing is disabled: myagents.review.receipt-key is not configured", java.util.Map.of());
        }
        return receipts.mint(new ReviewReceipts.Receipt(agentTypeId, version, definitionHash, operator.id()));
    }
}
