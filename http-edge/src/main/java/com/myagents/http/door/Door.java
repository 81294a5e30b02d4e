package com.myagents.http.door;

import java.util.List;
import java.util.Set;

import com.myagents.http.identity.Principal;

/**
 * One public door of the system: CP for customers ({@code /api/cp}), PP for operators
 * ({@code /api/pp}). Everything the two doors do alike — the login meters, the proxied-path check,
 * the service assertions towards the gateway, serving the packaged app — is built from this.
 *
 * @param name   {@code cp} or {@code pp}: the API prefix and where the frontend build packs the app
 * @param people who signs in at this door
 * @param issuer the name the door signs its service assertions to the gateway with
 * @param ownPrefixes first path segments under its API prefix that are wholly the door's own
 * @param ownRoutes   other routes its controllers serve, never proxied however spelled (see
 *                    {@link ProxiedPath#ProxiedPath(Door)})
 */
public record Door(String name, Principal.Kind people, String issuer, Set<String> ownPrefixes, List<String> ownRoutes) {

    public Door {
        ownPrefixes = Set.copyOf(ownPrefixes);
        ownRoutes = List.copyOf(ownRoutes);
    }

    public String apiPrefix() {
        return "/api/" + name;
    }

    public String loginPath() {
        return apiPrefix() + "/auth/login";
    }

    /** Where the frontend build packs this door's app (index.html and assets). */
    public String uiLocation() {
        return "classpath:/ui/" + name + "/";
    }
}
