package com.myagents.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One benchmark's figures as a Markdown section (what bench/RESULTS.md is made of): the machine,
 * the flags it ran with, a table of measures, and notes.
 */
public final class Report {

    private final String title;
    private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Machine machine;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Map<String, String> flags = Map.of();

    public Report(String title, Machine machine) {
        this.title = title;
        this.machine = machine;
    }

    public Report flags(Map<String, String> used) {
        this.flags = used;
        return this;
    }

    public Report row(String measure, String value) {
        rows.add(new String[] {measure, value});
        return this;
    }

    public Report note(String text) {
        notes.add(text);
        return this;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append(" — ").append(startedAt).append("\n\n");
        out.append("- machine: ").append(machine.describe()).append('\n');
        if (!flags.isEmpty()) {
            out.append("- flags: `").append(flags.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "))).append("`\n");
        }
        out.append("\n| measure | value |\n|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(row[0].replace("|", "\\|")).append(" | ").append(row[1].replace("|", "\\|")).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note).append('\n');
        }
        return out.toString();
    }

    /** Prints the section, and appends it to {@code file} when one is given. */
    public void publish(PrintStream out, Path file) {
        String text = markdown();
        out.println();
        out.println(text);
        if (file != null) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append the results to " + file, e);
            }
        }
    }
}
