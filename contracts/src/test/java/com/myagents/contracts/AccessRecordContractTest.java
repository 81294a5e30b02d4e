package com.myagents.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.access.AccessRecord;

class AccessRecordContractTest {

    static final AccessRecord RECORD = new AccessRecord("8f6c1f0e-2b1a-4c55-9a57-0d1f6c3b9e11", "corr-access-1",
            "gateway", "cp-backend", "00000000-0000-0000-0000-0000000c0001", "CUSTOMER", "POST",
            "/api/v1/deliverables/d-1/execute", 403, 37, Instant.parse("2026-11-27T10:00:00Z"),
            Instant.parse("2026-11-27T10:00:00.037Z"));

    @Test
    void accessRecordsAreKeyedByCorrelationIdAndKeptThirtyDays() {
        Topic<String, AccessRecord> topic = Topics.ACCESS_RECORDS;

        assertThat(topic.name()).isEqualTo("myagents.access-records.v1");
        assertThat(topic.keyMeaning()).isEqualTo("correlation_id");
        assertThat(topic.newTopic((short) 1).configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(30L * 24 * 60 * 60 * 1000));
        assertThat(Topics.all()).contains(topic);
        assertThat(Topics.byName("myagents.access-records.v1")).isSameAs(topic);
    }

    @Test
    void anAccessRecordTravelsAsSnakeCaseJsonWithItsSchemaHeader() {
        SerializedRecord<AccessRecord> written = SerializedRecord.of(Topics.ACCESS_RECORDS, RECORD);

        assertThat(written.json()).contains("\"record_id\":\"8f6c1f0e-2b1a-4c55-9a57-0d1f6c3b9e11\"",
                "\"correlation_id\":\"corr-access-1\"", "\"principal_kind\":\"CUSTOMER\"", "\"duration_ms\":37",
                "\"received_at\":\"2026-11-27T10:00:00Z\"", "\"status\":403");
        assertThat(written.schemaHeader()).isEqualTo("access-record/v1");
        assertThat(written.readBack()).isEqualTo(RECORD);
    }
}
