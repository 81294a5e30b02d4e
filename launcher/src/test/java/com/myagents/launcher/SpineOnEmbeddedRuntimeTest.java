package com.myagents.launcher;

import org.junit.jupiter.api.BeforeAll;

/** The spine on the embedded default: in-process KRaft broker, child-process PostgreSQL. CI runs this one. */
class SpineOnEmbeddedRuntimeTest extends SpineScenarios {

    @BeforeAll
    static void start() {
        useTheSharedSystem();
    }
}
