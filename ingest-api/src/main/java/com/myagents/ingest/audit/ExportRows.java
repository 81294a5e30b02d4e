package com.myagents.ingest.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.util.List;
import java.util.function.Supplier;

import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * Writes exported rows one at a time as they come off the cursor: a CSV header then one line a row
 * (RFC 4180 quoting; a text cell that a spreadsheet would run as a formula is prefixed with ')
 * or one JSON object a line. Every row carries its policy version and correlation id.
 */
final class ExportRows implements AutoCloseable {

    static final List<String> DENIAL_COLUMNS = List.of("denied_at", "correlation_id", "policy_version", "reason", "action",
            "customer_id", "subscription_id", "deliverable_id", "detail", "denial_id", "inputs");
    static final List<String> DECISION_COLUMNS = List.of("decided_at", "correlation_id", "policy_version", "outcome",
            "reason", "action", "customer_id", "subscription_id", "deliverable_id", "approval_id", "detail", "decision_id",
            "checks", "inputs");

    private final Writer out;
    private final ExportFormat format;
    private long rows;

    ExportRows(OutputStream out, ExportFormat format, List<String> columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.format = format;
        if (format == ExportFormat.CSV) {
            line(columns.stream().map(ExportRows::cell).toList());
        }
    }

    void denial(DenialView d) {
        row(d, () -> List.of(text(d.deniedAt()), cell(d.correlationId()), cell(d.policyVersion()), cell(d.reason()),
                cell(d.action()), cell(d.customerId()), cell(d.subscriptionId()), cell(d.deliverableId()),
                cell(d.detail()), cell(d.denialId()), cell(json(d.inputs()))));
    }

    void decision(DecisionView d) {
        row(d, () -> List.of(text(d.decidedAt()), cell(d.correlationId()), cell(d.policyVersion()), cell(d.outcome()),
                cell(d.reason()), cell(d.action()), cell(d.customerId()), cell(d.subscriptionId()),
                cell(d.deliverableId()), cell(d.approvalId()), cell(d.detail()), cell(d.decisionId()),
                cell(json(d.checks())), cell(json(d.inputs()))));
    }

    /** The view itself as a JSON line, or its CSV cells (in the header's order). */
    private void row(Object view, Supplier<List<String>> csvCells) {
        if (format == ExportFormat.JSONL) {
            json(view);
        } else {
            line(csvCells.get());
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    private void json(Object row) {
        try {
            out.write(EventJson.MAPPER.writeValueAsString(row));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> cells) {
        try {
            out.write(String.join(",", cells));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() ? null : EventJson.MAPPER.writeValueAsString(node);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 cell; a text starting like a formula is defused so a spreadsheet shows it, not runs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
