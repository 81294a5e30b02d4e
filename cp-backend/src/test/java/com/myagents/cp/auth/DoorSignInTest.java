package com.myagents.cp.auth;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.cp.RunningCpBackend;
import com.myagents.cp.proxy.CpDoor;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.DoorSignInContract;

/** CP's sign-in and bearer checks (the contract every door keeps), and CP's own: customers only. */
class DoorSignInTest extends DoorSignInContract {

    private static final Principal DEMO = new Principal("00000000-0000-0000-0000-0000000c0001",
            Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());

    DoorSignInTest() {
        super(RunningCpBackend.DOOR, CpDoor.DOOR, DEMO, "/api/cp/agent-types");
    }

    @Test
    void refusesTheBarePrefixWithoutAToken() {
        assertUnauthorized(running.http().send(running.http().request("/api/cp").GET().build()));
    }

    @Test
    void refusesAnOperatorTokenEvenWhenSignedWithTheCustomerKey() {
        Principal operator = new Principal(DEMO.id(), Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));
        String token = new IdentityTokens(CpDoor.DOOR.issuer(), RunningCpBackend.TOKEN_KEY)
                .sign(operator, CpDoor.DOOR.name(), Duration.ofMinutes(5));

        assertUnauthorized(call(me(), token));
    }
}
