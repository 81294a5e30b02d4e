package com.myagents.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a door's real server does with the app it packs: the app for every client route (dots
 * included), files as themselves, a 404 rather than the app for missing files, APIs and server
 * paths, and its health with the database. Each door's test extends it with its client and name;
 * its test UI (src/test/resources/ui/&lt;name&gt;/) marks the index page {@code <name>-test-index} and
 * {@code assets/app.js} {@code <name>-test-asset}. The routing rules themselves are tested in
 * http-edge's door package.
 */
public abstract class SinglePageAppContract {

    private final Http door;
    /** What the door's test UI writes into its files: {@code <name>-test-index}, {@code <name>-test-asset}. */
    private final String markPrefix;

    /** The door's HTTP surface and its name, "cp" or "pp". */
    protected SinglePageAppContract(Http door, String name) {
        this.door = door;
        this.markPrefix = name + "-test-";
    }


    @ParameterizedTest
    @ValueSource(strings = {"/", "/my-agents", "/my-agents/h-1/goals", "/login",
        "/agent-types/marketing.healthcare.v1", "/agent-types/marketing.healthcare.v1/versions/1.0.0"})
    public void servesTheAppForEveryClientRouteDotsIncluded(String path) {
        HttpResponse<String> response = door.send(door.request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains(markPrefix + "index");
    }

    @Test
    public void servesStaticFilesAsThemselves() {
        HttpResponse<String> response = door.send(door.request("/assets/app.js").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(markPrefix + "asset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/assets/1.0.0", "/api/other/thing",
        "/actuator/nothing-here", "/favicon.ico"})
    public void answersNotFoundRatherThanTheAppForFilesAndApis(String path) {
        HttpResponse<String> response = door.send(door.request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(markPrefix + "index");
    }

    @Test
    public void reportsHealthWithTheDatabase() {
        HttpResponse<String> response = door.send(door.request("/actuator/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("status").asString()).isEqualTo("UP");
    }
}
