package com.myagents.ingest.agenttypes;

/** Body of {@code POST .../publish}: the review receipt pp-backend minted for this exact version. */
record PublishCommand(String reviewReceipt) {
}
