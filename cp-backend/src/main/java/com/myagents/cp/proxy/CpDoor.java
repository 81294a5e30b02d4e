package com.myagents.cp.proxy;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.myagents.http.door.Door;
import com.myagents.http.door.DoorConfiguration;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;

/** cp-backend as the customers' door, and the paths it serves itself (never proxied, however spelled). */
@Configuration(proxyBeanMethods = false)
@Import(DoorConfiguration.class)
public class CpDoor {

    /**
     * Wholly cp-backend's: auth, the vault's credentials and exchange setup, the hub, the media
     * library. Checked here before forwarding: the refs in a draft config, and an edited draft's
     * attached image (it must be the caller's own).
     */
    public static final Door DOOR = new Door("cp", Principal.Kind.CUSTOMER, Hops.CP_ISSUER,
            Set.of("auth", "platform-credentials", "exchange-setup", "my-agents", "media"),
            List.of("hired-agents/draft", "PUT deliverables/[^/]+"));

    @Bean
    public Door door() {
        return DOOR;
    }
}
