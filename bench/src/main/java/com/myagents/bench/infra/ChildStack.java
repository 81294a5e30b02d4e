package com.myagents.bench.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.myagents.launcher.LocalStackOptions;

/**
 * The README's run command as a child process ({@code java -jar launcher/target/myagents-local.jar}
 * with its own data directory), on the launcher's fixed ports, timed from the moment it is started.
 */
public final class ChildStack implements AutoCloseable {

    private static final List<String> INFRASTRUCTURE = List.of("kafka", "kafkaController", "postgres");

    /** The launcher's default management ports of every service (each answers /actuator/health). */
    public static final List<Integer> SERVICE_PORTS = defaultPorts(false);
    /** ... and of Kafka (broker, controller) and PostgreSQL. */
    public static final List<Integer> ALL_PORTS = defaultPorts(true);

    private final Process process;
    private final long startedAt;

    private ChildStack(Process process, long startedAt) {
        this.process = process;
        this.startedAt = startedAt;
    }

    /**
     * @param properties system properties for the child (all its services see them)
     */
    public static ChildStack start(Path jar, List<String> jvmArgs, Map<String, String> properties, Path dataDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MYAGENTS_DATA_DIR", dataDir.toAbsolutePath().toString());
        long begin = System.nanoTime();
        try {
            return new ChildStack(builder.start(), begin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Read from {@link LocalStackOptions.Ports#defaults()}, so a service added to the launcher is waited for too:
     * the management ports (where /actuator/health is), and with the infrastructure every port the launcher binds.
     */
    private static List<Integer> defaultPorts(boolean withInfrastructure) {
        LocalStackOptions.Ports defaults = LocalStackOptions.Ports.defaults();
        List<Integer> ports = new ArrayList<>();
        for (String service : LocalStackOptions.ALL_SERVICES) {
            ports.add(defaults.managementOf(service));
            if (withInfrastructure) {
                ports.add(defaults.of(service));
            }
        }
        if (withInfrastructure) {
            for (RecordComponent component : LocalStackOptions.Ports.class.getRecordComponents()) {
                if (INFRASTRUCTURE.contains(component.getName())) {
                    try {
                        ports.add((Integer) component.getAccessor().invoke(defaults));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return List.copyOf(ports);
    }

    /** The ports of {@code ports} something already listens on (then the launcher cannot start). */
    public static List<Integer> busy(List<Integer> ports) {
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(port);
            }
        }
        return busy;
    }

    /** Until every service answers UP on /actuator/health; the time since the process was started. */
    public Duration awaitHealthy(Duration timeout) throws InterruptedException {
        return Health.awaitUp(SERVICE_PORTS, startedAt, timeout, process::isAlive);
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops it as Ctrl-C would (the launcher closes every service, the broker and PostgreSQL). */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // PostgreSQL is stopped by the launcher; only what outlived it is ended here
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
