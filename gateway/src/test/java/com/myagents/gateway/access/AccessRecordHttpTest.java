package com.myagents.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.myagents.gateway.RunningGateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every request leaves one structured line on logger myagents.access. */
class AccessRecordHttpTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(LoggedAccessJournal.LOGGER);

    @BeforeEach
    void listen() {
        lines.start();
        accessLogger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        accessLogger.detachAppender(lines);
    }

    @Test
    void recordsAForwardedCallWithClientPrincipalStatusAndDuration() {
        String correlationId = "access-ok-" + UUID.randomUUID();

        gateway.send(gateway.request("/api/v1/agent-types?secret_query=1")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("cust-access-1")))
                .header("X-Correlation-ID", correlationId));

        JsonNode record = recordFor(correlationId);
        assertThat(record.get("client").asString()).isEqualTo("cp-backend");
        assertThat(record.get("principal_id").asString()).isEqualTo("cust-access-1");
        assertThat(record.get("principal_kind").asString()).isEqualTo("CUSTOMER");
        assertThat(record.get("method").asString()).isEqualTo("GET");
        assertThat(record.get("path").asString()).isEqualTo("/api/v1/agent-types");
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(record.get("at").asString()).isNotBlank();
    }

    @Test
    void recordsARefusedCallWithoutIdentity() {
        String correlationId = "access-401-" + UUID.randomUUID();

        gateway.send(gateway.request("/api/v1/agent-types").header("X-Correlation-ID", correlationId));

        JsonNode record = recordFor(correlationId);
        assertThat(record.get("status").asInt()).isEqualTo(401);
        assertThat(record.get("client").isNull()).isTrue();
        assertThat(record.get("principal_id").isNull()).isTrue();
    }

    @Test
    void leavesHealthProbesOut() {
        gateway.send(gateway.request("/actuator/health"));

        assertThat(lines.list).noneMatch(line -> line.getFormattedMessage().contains("/actuator/health"));
    }

    private JsonNode recordFor(String correlationId) {
        // the record is written after the response is complete, so the client may be first
        return Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> recordsFor(correlationId), r -> r.size() == 1)
                .get(0);
    }

    private List<JsonNode> recordsFor(String correlationId) {
        List<ILoggingEvent> snapshot;
        synchronized (lines) {
            snapshot = List.copyOf(lines.list);
        }
        return snapshot.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .map(line -> JsonMapper.builder().build().readTree(line))
                .filter(json -> correlationId.equals(json.get("correlation_id").asString()))
                .toList();
    }
}
