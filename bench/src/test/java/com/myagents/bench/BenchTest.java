package com.myagents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BenchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutABenchmarkNamePrintsTheUsageAndEveryBenchmark() throws Exception {
        int exit = Bench.run(new String[0], print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("usage:", "ceiling", "enforcement", "execute", "goals", "footprint");
    }

    @Test
    void anUnknownBenchmarkIsNamedBack() throws Exception {
        int exit = Bench.run(new String[] {"speed"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).startsWith("no benchmark named speed");
    }

    @Test
    void aMalformedFlagStopsTheRunBeforeAnythingStarts() throws Exception {
        int exit = Bench.run(new String[] {"ceiling", "records=5"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("not a --name=value flag");
        assertThat(text(out)).isEmpty();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
