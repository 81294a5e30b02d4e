package com.myagents.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.door.ProxiedPath;
import com.myagents.http.problem.ApiProblem;

/**
 * What every door's proxy does with a path under its own prefix, checked against the door's real
 * configuration: the rest goes to the Plant API, nothing can climb out of it, and the door's own
 * routes and foreign prefixes are never forwarded. Each door's test extends it with its paths and
 * pins the routes it serves itself; the grammar is tested in http-edge's door package.
 */
public abstract class ProxiedPathContract {

    private final ProxiedPath paths;
    private final String prefix;

    /** The door's proxied paths ({@code new ProxiedPath(CpDoor.DOOR)}) and its name, "cp" or "pp". */
    protected ProxiedPathContract(ProxiedPath paths, String door) {
        this.paths = paths;
        this.prefix = "/api/" + door + "/";
    }


    @ParameterizedTest
    @CsvSource({"hired-agents/h%201/goals, /api/v1/hired-agents/h%201/goals", "/agent-types, /api/v1/agent-types"})
    public void mapsTheRestOfTheDoorPathOntoThePlantApi(String rest, String target) {
        assertThat(paths.gatewayPath("GET", prefix + rest)).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/%zz", "../admin", "a/%2e%2e/%2E%2E/admin", "./x", "a%2Fb", "a%5cb", "a;jsessionid=1"})
    public void refusesPathsThatCouldClimbOutOfThePlantApi(String rest) {
        assertRefused("GET", prefix + rest, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "auth", "auth/logout"})
    public void neverForwardsItsOwnSignInOrItsBarePrefix(String rest) {
        assertRefused("GET", prefix + rest, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/x", "/api/other/x"})
    public void neverForwardsAPathOutsideItsPrefix(String path) {
        assertRefused("GET", path, 404);
    }

    /** The proxy refuses {@code path} for {@code method} with this status. */
    protected void assertRefused(String method, String path, int status) {
        assertThatThrownBy(() -> paths.gatewayPath(method, path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(status));
    }
}
