package com.myagents.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void handsOutBindablePortsBelowTheEphemeralRangeAndNeverTheSameTwice() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(20_000, 31_999);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
