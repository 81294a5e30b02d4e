package com.myagents.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.enforcement.verify.VerifyDecisionsCommand;

/**
 * {@code java -jar launcher/target/myagents-local.jar [--wipe]}: the whole system on this machine.
 * {@code --wipe} deletes the data directory first (topics, tables, keys: everything).
 * {@code verify-decisions [...]} starts nothing: it re-decides the recorded decisions of a running
 * system from its topics and exits with the verifier's status ({@link VerifyDecisionsCommand}).
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
        LocalStackOptions options = LocalStackOptions.fromEnvironment(System.getenv());
        if (Arrays.asList(args).contains("--wipe")) {
            wipe(options.dataDir());
        }
        long begin = System.nanoTime();
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "myagents-stop"));
        log.info("""

                myagents is up in {} s (data in {})
                  CP (customers):  http://localhost:{}/   demo@myagents.local / demo-password
                  PP (operators):  http://localhost:{}/   ops@myagents.local / ops-password
                  Kafka:           {}
                Ctrl-C stops everything; state is kept for the next start.""",
                (System.nanoTime() - begin) / 1_000_000_000, options.dataDir(),
                options.ports().cpBackend(), options.ports().ppBackend(), stack.bootstrapServers());
        stopped.await();
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
