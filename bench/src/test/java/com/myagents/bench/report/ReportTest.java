package com.myagents.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final Machine MACHINE = new Machine(2, 24_000_000, 20_000_000, "OpenJDK 64-Bit Server VM 17.0.15",
            6L << 30, "6.93 / 6.55 / 6.55");

    @TempDir
    Path dir;

    @Test
    void isAMarkdownSectionWithMachineFlagsTableAndNotes() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("rate", "500");
        flags.put("duration", "60s");
        Report report = new Report("execute round-trip", MACHINE).flags(flags)
                .row("latency", "p50 1 ms | p99 2 ms")
                .note("Taken while other builds ran.");

        String text = report.markdown();

        assertThat(text).startsWith("### execute round-trip — ");
        assertThat(text).contains("- machine: 2 cores · 22.9 GiB RAM (19.1 GiB available) · OpenJDK 64-Bit Server VM 17.0.15 "
                + "(max heap 6144 MiB) · load average 6.93 / 6.55 / 6.55");
        assertThat(text).contains("- flags: `--rate=500 --duration=60s`");
        assertThat(text).contains("| measure | value |\n|---|---|\n| latency | p50 1 ms \\| p99 2 ms |");
        assertThat(text).endsWith("\nTaken while other builds ran.\n");
    }

    @Test
    void isPrintedAndAppendedToTheResultsFile() throws Exception {
        Path file = dir.resolve("nested/results.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new Report("ceiling", MACHINE).row("a", "1").publish(new PrintStream(printed, true, StandardCharsets.UTF_8), file);
        new Report("goals", MACHINE).row("b", "2").publish(new PrintStream(printed, true, StandardCharsets.UTF_8), file);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("### ceiling", "### goals");
        assertThat(Files.readString(file)).contains("### ceiling", "| a | 1 |", "### goals", "| b | 2 |");
    }

    @Test
    void readsTheMachineFromProcFiles() {
        String meminfo = "MemTotal:       24567890 kB\nMemFree:        1000 kB\nMemAvailable:   20000000 kB\n";

        assertThat(Machine.meminfoKib(meminfo, "MemTotal")).isEqualTo(24_567_890);
        assertThat(Machine.meminfoKib(meminfo, "MemAvailable")).isEqualTo(20_000_000);
        assertThat(Machine.meminfoKib(meminfo, "SwapTotal")).isZero();
        assertThat(Machine.firstThree("6.93 6.55 6.55 3/712 12345\n")).isEqualTo("6.93 / 6.55 / 6.55");
        assertThat(Machine.current().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Machine.current().describe()).contains("cores", "GiB RAM", "load average");
    }
}
