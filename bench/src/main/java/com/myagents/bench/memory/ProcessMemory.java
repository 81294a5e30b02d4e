package com.myagents.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory of one process as Linux reports it: {@code VmRSS} and its peak {@code VmHWM}
 * from {@code /proc/<pid>/status}, and {@code Pss} from {@code smaps_rollup} (resident memory with
 * shared pages divided among the processes sharing them, so the PostgreSQL backends' shared
 * buffers are not counted once per backend when a process tree is summed).
 */
public record ProcessMemory(long pid, long rssKib, long peakRssKib, long pssKib) {

    private static final Pattern KIB_FIELD = Pattern.compile("^(\\w+):\\s+(\\d+) kB$", Pattern.MULTILINE);

    public static ProcessMemory of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        String status = read(proc.resolve("status"));
        String rollup = read(proc.resolve("smaps_rollup"));
        long rss = field(status, "VmRSS");
        long pss = field(rollup, "Pss");
        return new ProcessMemory(pid, rss, field(status, "VmHWM"), pss > 0 ? pss : rss);
    }

    /** The {@code kB} value of {@code key} in a /proc file's text ({@code status}, {@code meminfo}), 0 when absent. */
    public static long field(String text, String key) {
        Matcher m = KIB_FIELD.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return Long.parseLong(m.group(2));
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            // the process ended (or /proc is not there): it holds no memory
            return "";
        }
    }
}
