package com.myagents.ingest.audit;

import java.util.List;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/** The two shapes an auditor can download: CSV (spreadsheets) and JSON Lines (one record a line, for tools). */
enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    JSONL("jsonl", "application/x-ndjson");

    private final String code;
    private final String contentType;

    ExportFormat(String code, String contentType) {
        this.code = code;
        this.contentType = contentType;
    }

    String code() {
        return code;
    }

    String contentType() {
        return contentType;
    }

    /** @throws ApiProblem 400 naming {@code format} when it is neither csv nor jsonl (absent means csv) */
    static ExportFormat of(String given) {
        if (given == null || given.isBlank()) {
            return CSV;
        }
        for (ExportFormat format : values()) {
            if (format.code.equals(given.strip())) {
                return format;
            }
        }
        throw ApiProblem.badRequest(List.of(new Violation("format", "must be csv or jsonl")));
    }
}
