package com.myagents.contracts.access;

import java.time.Instant;

/**
 * One HTTP request as a hop saw it (today the gateway), keyed by correlation_id so that every hop
 * of one request lands in the same partition, in order. It is the first line of PP's correlation
 * drill-down. {@code record_id} is minted once per request, so a replay upserts the same row.
 *
 * @param service       the hop that recorded it, e.g. {@code gateway}
 * @param client        the authenticated service client that sent the call, {@code null} when none
 * @param principalId   the verified principal, {@code null} when the call did not authenticate
 * @param principalKind CUSTOMER, OPERATOR or SERVICE, {@code null} when the call did not authenticate
 * @param path          the request path without the query string (queries may carry personal data)
 * @param receivedAt    when the request arrived
 * @param completedAt   when the answer was complete
 * @param clientCorrelationId the correlation id a browser offered at a door, kept for reference only:
 *                      the door minted {@code correlation_id} itself, so a caller can never join
 *                      its records into another timeline; {@code null} when none was offered
 */
public record AccessRecord(
        String recordId,
        String correlationId,
        String service,
        String client,
        String principalId,
        String principalKind,
        String method,
        String path,
        int status,
        long durationMs,
        Instant receivedAt,
        Instant completedAt,
        String clientCorrelationId) {

    /** A record without a client-offered correlation id. */
    public AccessRecord(String recordId, String correlationId, String service, String client, String principalId,
                        String principalKind, String method, String path, int status, long durationMs,
                        Instant receivedAt, Instant completedAt) {
        this(recordId, correlationId, service, client, principalId, principalKind, method, path, status, durationMs,
                receivedAt, completedAt, null);
    }
}
