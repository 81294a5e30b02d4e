package com.myagents.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The README's checks table names exactly the checks the rules emit, so it cannot go stale. */
class ChecksTableTest {

    static final Path POLICY = Path.of("src/main/java/com/myagents/enforcement/policy");
    static final Pattern EMITTED = Pattern.compile("\\b(?:pass|fail)\\(\"([a-z_]+)\"");
    static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([a-z_]+)`");

    @Test
    void theReadmesChecksTableListsEveryCheckTheRulesEmitAndNoOther() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> sources = Files.list(POLICY)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher check = EMITTED.matcher(Files.readString(source));
                while (check.find()) {
                    emitted.add(check.group(1));
                }
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| check | fails with |"), readme.indexOf("## Recorded inputs"));
        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(emitted).hasSizeGreaterThan(15);
        assertThat(documented).isEqualTo(emitted);
    }
}
