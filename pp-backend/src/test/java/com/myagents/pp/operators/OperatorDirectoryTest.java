package com.myagents.pp.operators;

import static com.myagents.pp.RunningPpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.pp.RunningPpBackend;
import com.myagents.testsupport.RunningDoor;

import tools.jackson.databind.JsonNode;

/** PP names operators by their display names: the directory every signed-in operator may read. */
class OperatorDirectoryTest {

    @RegisterExtension
    static final RunningDoor DOOR = RunningPpBackend.DOOR;

    @Test
    void namesEveryOperatorToAnyRoleByIdWithoutRolesOrSecrets() {
        String auditor = HTTP.login("auditor@myagents.local", "auditor-password");

        HttpResponse<String> response = HTTP.get("/api/pp/operators", auditor);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode operator : json(response).get("operators")) {
            rows.add(operator.get("operator_id").asString() + " " + operator.get("display_name").asString() + " "
                    + operator.get("email").asString());
            assertThat(operator.has("roles")).isFalse();
            assertThat(operator.has("password_hash")).isFalse();
        }
        assertThat(rows).containsSubsequence(
                "00000000-0000-0000-0000-0000000b0003 Auditor auditor@myagents.local",
                "00000000-0000-0000-0000-0000000b0001 Ops Admin ops@myagents.local",
                "00000000-0000-0000-0000-0000000b0002 Support Desk support@myagents.local");
        assertThat(RunningPpBackend.GATEWAY.receivedNothing()).as("answered by pp-backend itself").isTrue();
    }

    @Test
    void refusesTheDirectoryWithoutASignedInOperator() {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp/operators").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
