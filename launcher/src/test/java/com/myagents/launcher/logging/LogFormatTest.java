package com.myagents.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;

class LogFormatTest {

    @Test
    void aJsonLineCarriesTheMessageTheCorrelationIdAndTheError() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("com.myagents.test");
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, "decided \"{}\"\tnow", new IllegalStateException("boom"),
                new Object[] {"x"});
        event.setMDCPropertyMap(Map.of("correlation_id", "corr-1"));

        String line = new JsonLines().doLayout(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode json = EventJson.MAPPER.readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("decided \"x\"\tnow");
        assertThat(json.path("log.level").asString()).isEqualTo("WARN");
        assertThat(json.path("correlation_id").asString()).isEqualTo("corr-1");
        assertThat(json.path("error.type").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(json.path("error.stack_trace").asString()).contains("boom");
    }

    @Test
    void theBrokersRetriableOutOfOrderSequenceErrorIsNotAnError() {
        LoggerContext context = new LoggerContext();
        RetriableBrokerErrors filter = new RetriableBrokerErrors();
        Logger appends = context.getLogger("kafka.server.ReplicaManager");

        assertThat(filter.decide(null, appends, Level.ERROR, "Error processing append operation on partition {}", null,
                new OutOfOrderSequenceException("Out of order sequence number"))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, appends, Level.ERROR, "Error processing append operation on partition {}", null,
                new IllegalStateException("disk full"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("com.myagents.x"), Level.ERROR, "m", null,
                new OutOfOrderSequenceException("x"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, appends, Level.WARN, "m", null, new OutOfOrderSequenceException("x")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
