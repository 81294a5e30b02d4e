package com.myagents.enforcement;

import java.time.Duration;

/** The setting of the approval tests: the enforcement driver with an open trial that has room for 100 actions a day. */
abstract class OpenTrialOnTheDriver extends OnTheDriver {

    /** @param approvalGrace how long a request waits for an approval still on its way */
    OpenTrialOnTheDriver(Duration approvalGrace) {
        super(approvalGrace);
        enforcement.subscription(Scenario.inTrial(100));
    }
}
