package com.myagents.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import com.myagents.enforcement.migrate.MigrateApprovalsCommand;
import com.myagents.enforcement.verify.VerifyDecisionsCommand;
import com.myagents.launcher.lifecycle.OrderlyStop;
import com.myagents.launcher.lifecycle.StartFailure;

/**
 * {@code java -jar launcher/target/myagents-local.jar [--wipe]}: the whole system on this machine.
 * {@code --wipe} deletes the data directory first (topics, tables, keys: everything).
 * {@code verify-decisions [...]} starts nothing: it re-decides the recorded decisions of a running
 * system from its topics and exits with the verifier's status ({@link VerifyDecisionsCommand}).
 * {@code migrate-approvals [...]} starts nothing: it replays the approvals of the retired v1 topic
 * onto v2, once, when upgrading a system that ran the two-stage enforcement ({@link MigrateApprovalsCommand}).
 * {@code --provision} only creates the Kafka users, ACLs, topics and database roles of an external
 * Kafka and PostgreSQL, and exits (see {@link Provisioning}).
 */
public final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("verify-decisions")) {
            // the report is the output: the Kafka client's own INFO lines would bury it
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(VerifyDecisionsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("migrate-approvals")) {
            // the one-shot replay of the approvals onto their v2 topic (see the README's upgrade notes)
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(MigrateApprovalsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (Arrays.asList(args).contains("--provision")) {
            Provisioning.run(System.getenv());
            return;
        }
        // logback is configured once, from this jar's logback.xml, for the whole JVM: each of the eight
        // contexts re-initialising it would reset it under threads that are logging (lines lost, status noise)
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // ... and Tomcat's java.util.logging goes to it too, as Boot's logging system would have arranged
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LocalStackOptions options = LocalStackOptions.fromEnvironment(System.getenv());
        if (Arrays.asList(args).contains("--wipe")) {
            wipe(options.dataDir());
        }
        Duration stopTimeout = stopTimeout(System.getenv());
        long begin = System.nanoTime();
        log.info("starting myagents (data in {})", options.dataDir());
        LocalStack stack = LocalStack.prepare(options);
        // the stop hook ends the JVM (OrderlyStop halts it); until then main waits on this
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OrderlyStop.run(stack, stopTimeout),
                "myagents-stop"));
        try {
            stack.startAll();
        } catch (LocalStack.StopRequested stopping) {
            stopped.await();
            return;
        } catch (RuntimeException error) {
            StartFailure failure = StartFailure.of("launcher", error, null);
            log.error("myagents did not start: {} — {}", failure.component(), failure.cause());
            if (!failure.known()) {
                log.error("details", failure.getCause());
            }
            Runtime.getRuntime().halt(1);
        }
        log.info("""

                myagents is up in {} s (data in {})
                  CP (customers):  http://localhost:{}/   demo@myagents.local / demo-password
                  PP (operators):  http://localhost:{}/   ops@myagents.local / ops-password
                  Kafka:           {}
                  Health, metrics: http://localhost:<management port>/actuator/health/readiness, …/actuator/prometheus
                                   ({})
                Ctrl-C stops everything in order (at most {} s); state is kept for the next start.""",
                String.format("%.1f", (System.nanoTime() - begin) / 1e9), options.dataDir(),
                options.ports().cpBackend(), options.ports().ppBackend(), stack.bootstrapServers(),
                managementPorts(options), stopTimeout.toSeconds());
        stopped.await();
    }

    private static String managementPorts(LocalStackOptions options) {
        return LocalStackOptions.ALL_SERVICES.stream().filter(options::runs)
                .map(service -> service + " " + options.ports().managementOf(service))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** MYAGENTS_STOP_TIMEOUT: seconds (or an ISO-8601 duration) after which a stop halts the JVM; 30 s by default. */
    static Duration stopTimeout(Map<String, String> env) {
        String value = env.get("MYAGENTS_STOP_TIMEOUT");
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(30);
        }
        try {
            return value.trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value.trim())) : Duration.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("MYAGENTS_STOP_TIMEOUT=" + value + " is neither seconds nor a duration like PT45S");
        }
    }

    static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        log.info("wiped {}", dataDir);
    }
}
