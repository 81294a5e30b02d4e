package com.myagents.pp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.myagents.testsupport.Http;

/** The demo operators the seed migration creates, each signed in once per door and test JVM. */
public final class SignedInOperators {

    private final Http door;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public SignedInOperators(Http door) {
        this.door = door;
    }

    /** ops@myagents.local, an admin. */
    public String admin() {
        return tokenOf("ops");
    }

    public String support() {
        return tokenOf("support");
    }

    public String auditor() {
        return tokenOf("auditor");
    }

    private String tokenOf(String name) {
        return tokens.computeIfAbsent(name, n -> door.login(n + "@myagents.local", n + "-password"));
    }
}
