package com.myagents.http.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.myagents.http.problem.ApiProblem;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10), clock);

    @Test
    void locksAnAccountAfterRepeatedFailuresWithRetryAfterUntilTheLockoutEnds() {
        assertThat(throttle.failed("A@x.test", "10.0.0.1")).isEqualTo(LoginThrottle.Outcome.REFUSED);
        assertThat(throttle.failed("a@x.test", "10.0.0.2")).isEqualTo(LoginThrottle.Outcome.REFUSED);
        assertThat(throttle.failed(" a@x.test", "10.0.0.3")).isEqualTo(LoginThrottle.Outcome.ACCOUNT_LOCKED);

        assertThatThrownBy(() -> throttle.check("a@x.test", "10.0.0.9"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(429);
                    assertThat(Long.parseLong(problem.headers().get("Retry-After"))).isBetween(590L, 601L);
                });
        assertThatCode(() -> throttle.check("b@x.test", "10.0.0.9")).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(11));
        assertThatCode(() -> throttle.check("a@x.test", "10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void throttlesAnAddressThatGuessesAcrossManyAccounts() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("user" + i + "@x.test", "10.0.0.7")).isEqualTo(LoginThrottle.Outcome.REFUSED);
        }
        assertThat(throttle.failed("user9@x.test", "10.0.0.7")).isEqualTo(LoginThrottle.Outcome.ADDRESS_THROTTLED);

        assertThatThrownBy(() -> throttle.check("fresh@x.test", "10.0.0.7")).isInstanceOf(ApiProblem.class);
        assertThatCode(() -> throttle.check("fresh@x.test", "10.0.0.8")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheAccountsFailuresAndOldFailuresExpireWithTheirWindow() {
        throttle.failed("c@x.test", "10.0.0.1");
        throttle.failed("c@x.test", "10.0.0.1");
        throttle.succeeded("c@x.test");
        assertThat(throttle.failed("c@x.test", "10.0.0.2")).isEqualTo(LoginThrottle.Outcome.REFUSED);
        throttle.failed("c@x.test", "10.0.0.2");
        clock.advance(Duration.ofMinutes(16));

        assertThat(throttle.failed("c@x.test", "10.0.0.2")).isEqualTo(LoginThrottle.Outcome.REFUSED);
        assertThatCode(() -> throttle.check("c@x.test", "10.0.0.2")).doesNotThrowAnyException();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
