package com.myagents.enforcement;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

/** The setting of the rule tests: the enforcement topology on its driver, closed after each test. */
abstract class OnTheDriver {

    final EnforcementDriver enforcement;

    /** Requests are decided at once, with no wait for an approval still on its way. */
    OnTheDriver() {
        this(Duration.ZERO);
    }

    /** @param approvalGrace how long a request waits for an approval still on its way */
    OnTheDriver(Duration approvalGrace) {
        enforcement = new EnforcementDriver(approvalGrace);
    }

    @AfterEach
    void close() {
        enforcement.close();
    }
}
