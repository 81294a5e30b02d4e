package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The browser suite of {@code e2e/} (Playwright driving Debian's Chromium, installed by its own
 * script where missing) against the running system: what a customer does, in a real browser.
 * Its output and screenshots are under {@code e2e/target/}.
 */
class BrowserJourneysTest {

    static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    /** Environment variables naming the lifecycle journeys' customers (e2e/src/config.mjs reads them). */
    static final List<String> LIFECYCLE_CUSTOMERS = List.of("E2E_LIFECYCLE_EMAIL", "E2E_CANCEL_EMAIL");
    private static String reviewCustomer;

    @Test
    void theCustomersJourneysPassInARealBrowser() throws Exception {
        RunningSystem.stack();
        reviewCustomer = Journeys.freshCustomerEmail(RunningSystem.stack().jdbcUrl(), RunningSystem.postgresPassword());
        Path log = E2E.resolve("target").resolve("e2e.log");
        Files.createDirectories(log.getParent());
        if (!Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core"))) {
            assertThat(run(log, Map.of(), "npm", "ci", "--no-audit", "--no-fund")).as("npm ci, see " + log).isZero();
        }

        // the lifecycle journeys (e2e/tests/lifecycle.test.mjs) subscribe and cancel: customers of their own,
        // each with a configured marketing agent on its trial, so the demo customer other tests share is left alone
        CpClient door = new CpClient(RunningSystem.cp());
        Map<String, String> customers = new HashMap<>();
        for (String variable : LIFECYCLE_CUSTOMERS) {
            String email = Journeys.freshCustomerEmail(RunningSystem.stack());
            Journeys.configuredMarketingAgent(door, door.login(email, "demo-password"));
            customers.put(variable, email);
        }

        customers.put("E2E_MARKETING_CUSTOMER_EMAIL", MarketingJourneyCustomer.prepare());
        int exit = run(log, customers, "npm", "test");

        assertThat(exit).as("browser suite failed, see " + log + "\n" + tail(log)).isZero();
        assertThat(Files.readString(log)).contains("fail 0");
    }

    private static int run(Path log, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(E2E.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CP_URL", RunningSystem.cp());
        builder.environment().put("PP_URL", "http://localhost:" + RunningSystem.options().ports().ppBackend());
        builder.environment().putAll(environment);
        // review.test.mjs hires, runs and schedules as a customer of its own, never the shared demo one
        builder.environment().put("E2E_REVIEW_CUSTOMER_EMAIL", reviewCustomer);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
