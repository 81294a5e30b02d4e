package com.myagents.bench.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionRequest;

class SampleRecordsTest {

    @Test
    void idsAreUuidShapedAndGiveTheirIndexBack() {
        String id = SampleRecords.idOf(123_456);

        assertThat(id).hasSize(36);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(SampleRecords.indexOf(id)).isEqualTo(123_456);
        assertThat(SampleRecords.indexOf(UUID.randomUUID().toString())).isEqualTo(-1);
        assertThat(SampleRecords.indexOf("00000000-0000-4000-8000-00000000abcd")).isEqualTo(-1);
        assertThat(SampleRecords.indexOf(null)).isEqualTo(-1);
        assertThatThrownBy(() -> SampleRecords.idOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTypicalRecordIsARealExecutionRequestOfAPostWithItsHash() {
        byte[] bytes = SampleRecords.typicalExecutionRequest();

        ExecutionRequest request = Topics.EXECUTION_REQUESTS.valueSerde().deserializer()
                .deserialize(Topics.EXECUTION_REQUESTS.name(), bytes);
        assertThat(request.action()).isEqualTo("publish");
        assertThat(request.payloadHash()).isEqualTo(PayloadHash.of(request.payload()));
        assertThat(bytes.length).isBetween(600, 1200);
    }
}
