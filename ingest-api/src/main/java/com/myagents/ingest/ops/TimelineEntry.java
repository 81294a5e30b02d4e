package com.myagents.ingest.ops;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One step of one request's way through the system, as the drill-down shows it.
 *
 * @param at      when the step happened (an HTTP access: when the request arrived)
 * @param stage   what kind of step it is; also the order of steps recorded at the same instant
 * @param source  the part of the system that recorded it
 * @param summary one line for a human
 * @param details the step's recorded fields (a decision: its outcome, reason, checks and inputs)
 */
public record TimelineEntry(OffsetDateTime at, Stage stage, String source, String summary,
                            Map<String, Object> details) {

    /** Time first; the pipeline's own order breaks ties. */
    static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::stage);

    /** The pipeline's stages, in the order a request passes them. */
    public enum Stage {
        HTTP_ACCESS, EXECUTION_REQUEST, DECISION, DENIAL, COMMAND, CONNECTOR_RESULT;

        @JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }
}
