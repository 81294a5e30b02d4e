package com.myagents.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t10308152 kB
            VmHWM:\t  412345 kB
            VmRSS:\t  357532 kB
            Threads:\t90
            """;

    @Test
    void readsKibibyteFieldsOfProcFiles() {
        assertThat(ProcessMemory.field(STATUS, "VmRSS")).isEqualTo(357_532);
        assertThat(ProcessMemory.field(STATUS, "VmHWM")).isEqualTo(412_345);
        assertThat(ProcessMemory.field(STATUS, "Threads")).isZero();
        assertThat(ProcessMemory.field("", "VmRSS")).isZero();
    }

    @Test
    void measuresThisJvmAndCountsAVanishedProcessAsNothing() {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux /proc");
        ProcessMemory self = ProcessMemory.of(ProcessHandle.current().pid());

        assertThat(self.rssKib()).isPositive();
        assertThat(self.peakRssKib()).isGreaterThanOrEqualTo(self.rssKib());
        assertThat(self.pssKib()).isPositive();
        assertThat(ProcessMemory.of(Long.MAX_VALUE)).isEqualTo(new ProcessMemory(Long.MAX_VALUE, 0, 0, 0));
    }

    @Test
    void aTreeAddsItsChildrenToItsRoot() {
        TreeMemory tree = new TreeMemory(new ProcessMemory(1, 900_000, 1_000_000, 800_000),
                List.of(new ProcessMemory(2, 50_000, 50_000, 20_000), new ProcessMemory(3, 60_000, 60_000, 30_000)));

        assertThat(tree.descendantsPssKib()).isEqualTo(50_000);
        assertThat(tree.totalPssKib()).isEqualTo(850_000);
        assertThat(TreeMemory.mib(850_000)).isEqualTo("830 MiB");
        assertThat(TreeMemory.of(ProcessHandle.current()).root().pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aProcessThatIsNotAChildButNamesTheDataDirectoryBelongsToTheTree() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux /proc");
        String dataDir = Files.createTempDirectory("bench-tree-").toString();
        // like pg_ctl's postmaster: detached from this JVM, recognisable by its data directory on the command line
        new ProcessBuilder("sh", "-c", "(sleep 30; echo " + dataDir + ") >/dev/null 2>&1 &").start().waitFor();
        try {
            List<Long> detached = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                    .map(ProcessHandle::pid).toList();
            assertThat(detached).isNotEmpty();

            assertThat(TreeMemory.of(ProcessHandle.current(), dataDir).descendants())
                    .extracting(ProcessMemory::pid).containsAll(detached);
            assertThat(StackProcesses.of(ProcessHandle.current(), dataDir).get(0)).isEqualTo(ProcessHandle.current());
            assertThat(TreeMemory.of(ProcessHandle.current()).descendants())
                    .extracting(ProcessMemory::pid).doesNotContainAnyElementsOf(detached);
        } finally {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                    .forEach(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    });
            Files.deleteIfExists(Path.of(dataDir));
        }
    }

    @Test
    void theSamplerKeepsTheLargestTotal() throws InterruptedException {
        AtomicLong next = new AtomicLong(100);
        long[] sizes = {100, 700, 300};
        MemorySampler sampler = new MemorySampler(() -> new TreeMemory(
                new ProcessMemory(1, 0, 0, sizes[(int) Math.min(2, next.getAndIncrement() - 100)]), List.of()),
                Duration.ofMillis(5));
        Thread.sleep(100);
        sampler.close();

        assertThat(sampler.peak().totalPssKib()).isEqualTo(700);
    }

    @Test
    void heapInfoAddsTheUsedOfEveryHeapLineWhateverTheCollector() {
        String g1 = """
                 garbage-first heap   total 262144K, used 21504K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 21 young (21504K), 0 survivors (0K)
                 Metaspace       used 1234K, committed 1408K, reserved 1114112K
                  class space    used 123K, committed 192K, reserved 1048576K
                """;
        String serial = """
                 def new generation   total 9792K, used 3221K [0x0, 0x1, 0x2)
                  eden space 8704K,  37% used [0x0, 0x1, 0x2)
                 tenured generation   total 21888K, used 1000K [0x0, 0x1, 0x2)
                 Metaspace       used 1234K, committed 1408K, reserved 1114112K
                """;

        assertThat(HeapInfo.parseUsedKib(g1)).isEqualTo(21_504);
        assertThat(HeapInfo.parseUsedKib(serial)).isEqualTo(4_221);
        assertThat(HeapInfo.parseUsedKib("Could not attach")).isEqualTo(-1);
    }

    @Test
    void heapInfoAsksJcmdOfARunningJvm() {
        assumeTrue(Files.exists(Path.of(System.getProperty("java.home"), "bin", "jcmd")), "a JDK with jcmd");

        assertThat(HeapInfo.usedKib(ProcessHandle.current().pid())).isPositive();
    }
}
