package com.myagents.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void measuresTheCpuTimeOfRealWork() throws Exception {
        // no speed is asserted (a loaded machine says nothing about the code): only that work is measured
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] large = new byte[64 * 1024];

        assertThat(CpuTime.nanosPerOp(() -> sha.digest(large), 200)).isPositive();
    }

    @Test
    void anOperationThatProducesNothingIsRefused() {
        assertThatThrownBy(() -> CpuTime.nanosPerOp(() -> null, 3)).isInstanceOf(IllegalStateException.class);
    }
}
