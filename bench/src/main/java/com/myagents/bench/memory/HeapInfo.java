package com.myagents.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap in use by another JVM, from {@code jcmd <pid> GC.heap_info} (the JDK's own tool, found
 * beside the running {@code java}): the sum of the {@code used} of each heap line, whichever the
 * collector (G1 prints one line for the heap, Serial and Parallel one per generation).
 */
public final class HeapInfo {

    private static final Pattern HEAP_LINE = Pattern.compile("total \\d+K, used (\\d+)K");

    private HeapInfo() {
    }

    /** Heap used in KiB, or -1 when jcmd is not available or does not answer. */
    public static long usedKib(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return -1;
            }
            return parseUsedKib(out);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static long parseUsedKib(String heapInfo) {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = HEAP_LINE.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? used : -1;
    }
}
