package com.myagents.launcher;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer the browser's marketing journeys (e2e/tests/marketing.test.mjs) sign in as: one of
 * its own, so that they never review or publish the shared demo drafts. It has a marketing agent
 * ("Reach") on Instagram (connected) and YouTube (published by hand) whose first run was asked for;
 * the browser waits for its drafts.
 */
final class MarketingJourneyCustomer {

    static final String AGENT = "Reach";
    static final String PASSWORD = "demo-password";

    private MarketingJourneyCustomer() {
    }

    /** @return the customer's email (its password is {@link #PASSWORD}) */
    static String prepare() {
        String email = Journeys.newCustomer(RunningSystem.stack(), "Reach Clinic").email();
        CpClient door = new CpClient(RunningSystem.cp());
        String token = door.login(email, PASSWORD);
        Journeys.Agent agent = Journeys.marketingAgent(door, token, new Journeys.MarketingSetup(AGENT,
                List.of("instagram", "youtube"), Map.of("instagram", "tok" + UUID.randomUUID().toString().replace("-", "")), 1));
        Journeys.runNow(door, token, agent);
        return email;
    }
}
