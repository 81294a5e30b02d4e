package com.myagents.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserPlusSystemTicksEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 128 0 0 0 1500 250 0 0 20 0 90 0 1149744";

        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1750);
        assertThat(ProcessCpu.ticks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void countsTheCpuThisJvmBurnsAfterItStartedCounting() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "Linux /proc");
        ProcessCpu cpu = new ProcessCpu(() -> List.of(ProcessHandle.current()));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sha.update(block);
        }

        ProcessCpu.Used used = cpu.used();

        assertThat(used.jvmNanos()).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(used.othersNanos()).isZero();
        assertThat(used.totalNanos()).isEqualTo(used.jvmNanos());
    }
}
