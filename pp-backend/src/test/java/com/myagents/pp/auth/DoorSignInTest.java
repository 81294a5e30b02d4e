package com.myagents.pp.auth;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.pp.RunningPpBackend;
import com.myagents.pp.proxy.PpDoor;
import com.myagents.testsupport.DoorSignInContract;

/** PP's sign-in and bearer checks (the contract every door keeps), and PP's own: operators only. */
class DoorSignInTest extends DoorSignInContract {

    private static final Principal OPS = new Principal("00000000-0000-0000-0000-0000000b0001",
            Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));

    DoorSignInTest() {
        super(RunningPpBackend.DOOR, PpDoor.DOOR, OPS, "/api/pp/hired-agents");
    }

    @Test
    void refusesACustomerTokenFromCp() {
        Principal customer = new Principal("00000000-0000-0000-0000-0000000c0001", Principal.Kind.CUSTOMER,
                "demo@myagents.local", Set.of());
        String cpToken = new IdentityTokens(Hops.CP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .sign(customer, "cp", Duration.ofMinutes(5));
        String customerKindForPp = new IdentityTokens(Hops.PP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .sign(customer, PpDoor.DOOR.name(), Duration.ofMinutes(5));

        assertUnauthorized(call(me(), cpToken));
        assertUnauthorized(call(me(), customerKindForPp));
    }
}
