package com.myagents.pp.agenttypes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code myagents.review.receipt-key}: base64, shared with Plant, signs guardrail review receipts; blank: publishing is off. */
@ConfigurationProperties("myagents.review")
public record ReviewReceiptProperties(String receiptKey) {

    @Override
    public String toString() {
        return "ReviewReceiptProperties[receiptKey=" + (receiptKey == null || receiptKey.isBlank() ? "none" : "set") + "]";
    }
}
