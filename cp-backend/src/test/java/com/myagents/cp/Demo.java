package com.myagents.cp;

import static com.myagents.cp.RunningCpBackend.HTTP;

/** The two demo customers the seed migration creates, signed in once per test JVM. */
public final class Demo {

    public static final String CUSTOMER_ID = "00000000-0000-0000-0000-0000000c0001";
    public static final String OTHER_ID = "00000000-0000-0000-0000-0000000c0002";

    private static String token;
    private static String otherToken;

    private Demo() {
    }

    public static synchronized String token() {
        if (token == null) {
            token = HTTP.login("demo@myagents.local", "demo-password");
        }
        return token;
    }

    public static synchronized String otherToken() {
        if (otherToken == null) {
            otherToken = HTTP.login("other@myagents.local", "other-password");
        }
        return otherToken;
    }
}
