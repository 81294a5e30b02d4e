package com.myagents.launcher;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The spine on the embedded default: in-process KRaft broker, child-process PostgreSQL. CI runs this one. */
class SpineOnEmbeddedRuntimeTest extends SpineScenarios {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        startTheSystem(dataDir, null, null);
    }
}
