package com.myagents.http.forwarding;

import java.util.Locale;
import java.util.Set;

/**
 * Which caller headers may cross a hop. An allowlist, not a denylist: a header nobody thought of
 * (a new {@code X-Metering-*}, an identity header, a cookie) is dropped by default, so a browser can
 * never speak for the server side.
 */
public final class ServerOnlyHeaders {

    /** Lower-case names of the only caller headers that are forwarded. */
    public static final Set<String> FORWARDABLE = Set.of(
            "content-type", "accept", "accept-language", "if-match", "if-none-match");

    /** Stateless; instances exist only so the policy can be injected where that reads better. */
    public ServerOnlyHeaders() {
    }

    public static boolean forwardable(String headerName) {
        return headerName != null && FORWARDABLE.contains(headerName.strip().toLowerCase(Locale.ROOT));
    }
}
