package com.myagents.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.serde.EventJson;

class OpenCodeTest {

    @Test
    void aCodeEqualsAnotherOfItsTypeWithTheSameTextOnly() {
        Outcome deferred = Outcome.fromCode("defer");

        assertThat(deferred).isEqualTo(new Outcome("defer")).hasSameHashCodeAs(new Outcome("defer"));
        assertThat(deferred).isNotEqualTo(Outcome.fromCode("hold")).isNotEqualTo("defer").isNotEqualTo(null);
        assertThat(new Outcome("allow")).isEqualTo(Outcome.ALLOW).isNotSameAs(Outcome.ALLOW);
        assertThat(new Outcome("allow").known()).as("known by its text, however it was made").isTrue();
        assertThat((Object) ExecutionMode.DRY_RUN).as("the same text in another type")
                .isNotEqualTo(ExecutionResult.Status.DRY_RUN);
    }

    @Test
    void aCodeTravelsAsItsTextAndReadsBackAsTheKnownConstant() {
        assertThat(EventJson.MAPPER.writeValueAsString(Outcome.DENY)).isEqualTo("\"deny\"");
        assertThat(EventJson.MAPPER.readValue("\"deny\"", Outcome.class)).isSameAs(Outcome.DENY);
        assertThat(EventJson.MAPPER.readValue("\"defer\"", Outcome.class)).hasToString("defer")
                .matches(read -> !read.known());
    }
}
