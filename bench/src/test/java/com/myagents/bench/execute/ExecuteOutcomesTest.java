package com.myagents.bench.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.myagents.bench.load.OpenLoop;

class ExecuteOutcomesTest {

    private static final String DENIED = """
            {"type":"https://myagents.dev/problems/execution-denied","title":"Execution denied","status":403,
             "reason":"approval_missing","correlation_id":"c-1"}""";
    private static final String ALLOWED = "{\"correlation_id\":\"c-2\",\"outcome\":\"allowed\",\"reason\":\"allowed\"}";
    private static final String PENDING = "{\"correlation_id\":\"c-3\",\"outcome\":\"pending\"}";

    private final ExecuteOutcomes outcomes = new ExecuteOutcomes();

    @Test
    void countsEachKindOfAnswerAndTimesEveryDecidedCall() {
        outcomes.record(false, 10_000_000, ExecuteOutcomes.Answer.of(403, DENIED), null);
        outcomes.record(true, 30_000_000, ExecuteOutcomes.Answer.of(202, ALLOWED), null);
        outcomes.record(true, 5_000_000_000L, ExecuteOutcomes.Answer.of(202, PENDING), null);

        assertThat(outcomes.answers()).containsEntry("403 approval_missing", 1L).containsEntry("202 allowed", 1L)
                .containsEntry("202 pending", 1L);
        assertThat(outcomes.calls()).isEqualTo(3);
        assertThat(outcomes.errors()).isZero();
        assertThat(outcomes.pending()).isEqualTo(1);
        assertThat(outcomes.unexpected()).isZero();
        assertThat(outcomes.latency().count()).isEqualTo(3);
        assertThat(outcomes.deniedLatency().p50()).isEqualTo(10_000_000);
        assertThat(outcomes.allowedLatency().count()).isEqualTo(2);
    }

    @Test
    void answersWithoutADecisionAndFailedCallsAreErrorsOutsideTheLatencies() {
        outcomes.record(false, 1_000_000, ExecuteOutcomes.Answer.of(429, "{\"status\":429}"), null);
        outcomes.record(false, 2_000_000, ExecuteOutcomes.Answer.of(502, "<html>bad gateway</html>"), null);
        outcomes.record(false, 3_000_000, null, new CompletionException(new HttpTimeoutException("request timed out")));
        outcomes.record(false, 4_000_000, null, new OpenLoop.Overloaded(5));
        outcomes.record(false, 5_000_000, ExecuteOutcomes.Answer.of(403, DENIED), null);

        assertThat(outcomes.errors()).isEqualTo(4);
        assertThat(outcomes.answers()).containsEntry("429", 1L).containsEntry("502", 1L)
                .containsEntry("error: HttpTimeoutException", 1L).containsKey("error: Overloaded");
        assertThat(outcomes.latency().count()).isEqualTo(1);
        assertThat(outcomes.errorRate()).isEqualTo("4 of 5 (80.00 %)");
    }

    @Test
    void aDecisionOtherThanTheMixMeantIsCountedAsUnexpected() {
        outcomes.record(true, 1, ExecuteOutcomes.Answer.of(403, DENIED), null);
        outcomes.record(false, 1, ExecuteOutcomes.Answer.of(202, ALLOWED), null);

        assertThat(outcomes.unexpected()).isEqualTo(2);
        assertThat(outcomes.errors()).isZero();
    }

    @Test
    void anEmptyRunHasNoErrorRateToDivideBy() {
        assertThat(outcomes.errorRate()).isEqualTo("0 of 0 (0.00 %)");
        assertThat(ExecuteOutcomes.Answer.of(202, "").label()).isEqualTo("202 ?");
    }
}
