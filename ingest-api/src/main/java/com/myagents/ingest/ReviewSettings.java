package com.myagents.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code myagents.review.*}: the key PP's guardrail review receipts are verified with (blank: nothing
 * can be published) and how long an approval lives when its agent type does not say.
 */
@ConfigurationProperties("myagents.review")
public record ReviewSettings(String receiptKey, @DefaultValue("P7D") Duration approvalTtl) {

    public ReviewSettings {
        if (approvalTtl.isNegative() || approvalTtl.isZero()) {
            throw new IllegalArgumentException("myagents.review.approval-ttl must be positive");
        }
    }

    @Override
    public String toString() {
        return "ReviewSettings[receiptKey=" + (receiptKey == null || receiptKey.isBlank() ? "none" : "set")
                + ", approvalTtl=" + approvalTtl + "]";
    }
}
