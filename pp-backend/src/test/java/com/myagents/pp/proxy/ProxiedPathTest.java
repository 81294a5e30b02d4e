package com.myagents.pp.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.door.ProxiedPath;
import com.myagents.testsupport.ProxiedPathContract;

class ProxiedPathTest extends ProxiedPathContract {

    static final ProxiedPath PATHS = new ProxiedPath(PpDoor.DOOR);

    ProxiedPathTest() {
        super(PATHS, "pp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp//Operators", "/api/pp/agent-types/t.x/versions/1.1.0/publish",
            "/api/pp/agent-types//t.x/versions/1.1.0/publish",
            "/api/pp//agent-types/t.x//versions/1.1.0//publish/", "/api/pp/agent-types/t.x/versions/1.1.0/PUBLISH",
            "/api/pp/Agent-Types/t.x/versions/1.1.0/Publish", "/api/pp/agent-types/t.x/versions/1.1.0/publis%68",
            "/api/pp/agent-types/t.x/versions/1.1.0/validate", "/api/pp/%61gent-types/t.x/versions/1.1.0/publish",
            "/api/pp/ops/denials", "/api/pp/OPS//decisions/", "/api/pp/AUTH/login"})
    void neverForwardsAnySpellingOfARoutePpBackendServesItself(String path) {
        assertRefused("GET", path, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/agent-types/t.x/versions/1.1.0%2Fpublish", "/api/pp/agent-types/t.x/versions/1.1.0/publish;x=1",
            "/api/pp/agent-types/t.x/versions/1.1.0/x/../publish", "/api/pp/agent-types/t.x/versions/1.1.0/%2570ublish"})
    void refusesEncodedSeparatorsParametersAndDotSegmentsAroundThem(String path) {
        assertRefused("GET", path, 400);
    }
}
