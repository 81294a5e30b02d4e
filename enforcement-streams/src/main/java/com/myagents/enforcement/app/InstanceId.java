package com.myagents.enforcement.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The identity of one enforcement instance in its consumer group (static membership), kept beside
 * its local state: a restarted instance takes its partitions back at once instead of waiting for
 * the group to time the old member out, and two instances never share an id because they cannot
 * share a state directory.
 */
final class InstanceId {

    private static final String FILE = "instance-id";

    private InstanceId() {
    }

    static String persistedIn(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(stateDir);
            String id = "enforcement-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }
}
