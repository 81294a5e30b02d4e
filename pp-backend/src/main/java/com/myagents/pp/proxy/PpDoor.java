package com.myagents.pp.proxy;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.myagents.http.door.Door;
import com.myagents.http.door.DoorConfiguration;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;

/**
 * pp-backend as the operators' door, and the paths it serves itself: validating and publishing an
 * agent-type version run the guardrails and write the audit entry that names them, and the audit
 * exports are audited here, so no spelling of those may reach Plant through the proxy.
 */
@Configuration(proxyBeanMethods = false)
@Import(DoorConfiguration.class)
public class PpDoor {

    public static final Door DOOR = new Door("pp", Principal.Kind.OPERATOR, Hops.PP_ISSUER,
            Set.of("auth", "operators"),
            List.of("agent-types/[^/]+/versions/[^/]+/(validate|publish)", "ops/(denials|decisions)"));

    @Bean
    public Door door() {
        return DOOR;
    }
}
