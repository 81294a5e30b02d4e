package com.myagents.pp.ops;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.pp.proxy.GatewayDoor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The ops views under {@code /api/pp/ops/}. Most are Plant's {@code /api/v1/ops/...} one to one and go
 * through the catch-all door ({@code hired-agents}, {@code hired-agents/{id}}, {@code correlations/{id}});
 * decisions and denials live under Plant's {@code /api/v1/audit/} and are mapped here. Every one is
 * role-checked and audited by the door, with the operator's query (filters, paging) passed on.
 */
@RestController
public class OpsViewsController {

    static final String DENIALS = "/api/v1/audit/denials";
    static final String DECISIONS = "/api/v1/audit/decisions";

    private final GatewayDoor door;

    public OpsViewsController(GatewayDoor door) {
        this.door = door;
    }

    /** Filters: customer_id, subscription_id, reason, correlation_id, from, to, page, size. */
    @GetMapping("/api/pp/ops/denials")
    public ResponseEntity<byte[]> denials(HttpServletRequest request) {
        return door.forward(request, DENIALS);
    }

    /** Every denial the filters select (no paging) as {@code format=csv} (default) or {@code jsonl}, streamed. */
    @GetMapping("/api/pp/ops/denials/export")
    public ResponseEntity<StreamingResponseBody> exportDenials(HttpServletRequest request) {
        return door.download(request, DENIALS + "/export");
    }

    /** Every decision the filters select as {@code format=csv} or {@code jsonl}, streamed. */
    @GetMapping("/api/pp/ops/decisions/export")
    public ResponseEntity<StreamingResponseBody> exportDecisions(HttpServletRequest request) {
        return door.download(request, DECISIONS + "/export");
    }

    /** Filters: as denials, plus outcome (allow|deny). */
    @GetMapping("/api/pp/ops/decisions")
    public ResponseEntity<byte[]> decisions(HttpServletRequest request) {
        return door.forward(request, DECISIONS);
    }
}
