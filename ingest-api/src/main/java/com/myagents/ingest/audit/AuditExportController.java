package com.myagents.ingest.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.ingest.ops.OperatorViews;
import com.myagents.ingest.ops.Paging;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Denials and decisions for a time range and filters as a download (CSV or JSON Lines), streamed
 * from the database to the response row by row. Same roles and filters as the paged lists; the
 * filters are checked before anything is sent, so a bad one is a 400, never a broken file.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditExportController {

    private final AuditExports exports;

    AuditExportController(AuditExports exports) {
        this.exports = exports;
    }

    @GetMapping("/denials/export")
    ResponseEntity<StreamingResponseBody> denials(@RequestParam(name = "format", required = false) String format,
                                                  @ParameterObject AuditFilter.Query query, HttpServletRequest http) {
        return export("denials", format, query, null, http, ExportRows.DENIAL_COLUMNS,
                (filter, rows) -> exports.denials(filter, rows::denial));
    }

    @GetMapping("/decisions/export")
    ResponseEntity<StreamingResponseBody> decisions(@RequestParam(name = "format", required = false) String format,
                                                    @ParameterObject AuditFilter.Query query,
                                                    @RequestParam(name = "outcome", required = false) String outcome,
                                                    HttpServletRequest http) {
        return export("decisions", format, query, outcome, http, ExportRows.DECISION_COLUMNS,
                (filter, rows) -> exports.decisions(filter, rows::decision));
    }

    /** Role, format and filters are checked here, before the response starts; then the rows stream. */
    private static ResponseEntity<StreamingResponseBody> export(String what, String format, AuditFilter.Query query,
                                                                String outcome, HttpServletRequest http, List<String> columns,
                                                                BiConsumer<AuditFilter, ExportRows> write) {
        OperatorViews.AUDIT.require(http);
        ExportFormat shape = ExportFormat.of(format);
        // exports are not paged: the page parameters stay absent
        AuditFilter filter = AuditFilter.of(query, outcome, new Paging.Requested(null, null));
        return download(what, shape, out -> {
            try (ExportRows rows = new ExportRows(out, shape, columns)) {
                write.accept(filter, rows);
            }
        });
    }

    private static ResponseEntity<StreamingResponseBody> download(String what, ExportFormat format,
                                                                  StreamingResponseBody body) {
        String name = what + "-" + Instant.now().toString().replace(":", "") + "." + format.code();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
