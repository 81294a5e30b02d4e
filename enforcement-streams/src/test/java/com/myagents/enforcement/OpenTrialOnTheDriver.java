package com.myagents.enforcement;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

/** The setting of the approval tests: the enforcement driver with an open trial that has room for 100 actions a day. */
abstract class OpenTrialOnTheDriver {

    final EnforcementDriver enforcement;

    /** @param approvalGrace how long a request waits for an approval still on its way */
    OpenTrialOnTheDriver(Duration approvalGrace) {
        enforcement = new EnforcementDriver(approvalGrace);
        enforcement.subscription(Scenario.inTrial(100));
    }

    @AfterEach
    void close() {
        enforcement.close();
    }
}
