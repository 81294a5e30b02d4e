package com.myagents.gateway.access;

import java.time.Instant;

/**
 * What the gateway let through or refused, one per request: the line PP's drill-down joins on
 * {@code correlation_id}.
 *
 * @param client        service client that sent the call, {@code null} when it did not authenticate
 * @param principalId   verified principal, {@code null} when it did not authenticate
 * @param principalKind CUSTOMER, OPERATOR or SERVICE, {@code null} when it did not authenticate
 * @param path          request path without the query string (queries may carry personal data)
 * @param clientCorrelationId the id a browser offered at the door, for reference only (never joined on)
 */
public record AccessRecord(
        Instant at,
        String correlationId,
        String client,
        String principalId,
        String principalKind,
        String method,
        String path,
        int status,
        long durationMs,
        String clientCorrelationId) {

    public AccessRecord(Instant at, String correlationId, String client, String principalId, String principalKind,
                        String method, String path, int status, long durationMs) {
        this(at, correlationId, client, principalId, principalKind, method, path, status, durationMs, null);
    }
}
