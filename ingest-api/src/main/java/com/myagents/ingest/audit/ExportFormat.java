package com.myagents.ingest.audit;

import java.util.List;

import com.myagents.contracts.NamedCode;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/** The two shapes an auditor can download: CSV (spreadsheets) and JSON Lines (one record a line, for tools). */
enum ExportFormat implements NamedCode {
    CSV("text/csv;charset=UTF-8"),
    JSONL("application/x-ndjson");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** @throws ApiProblem 400 naming {@code format} when it is neither csv nor jsonl (absent means csv) */
    static ExportFormat of(String given) {
        if (given == null || given.isBlank()) {
            return CSV;
        }
        ExportFormat format = NamedCode.fromCode(ExportFormat.class, given.strip());
        if (format == null) {
            throw ApiProblem.badRequest(List.of(new Violation("format", "must be csv or jsonl")));
        }
        return format;
    }
}
