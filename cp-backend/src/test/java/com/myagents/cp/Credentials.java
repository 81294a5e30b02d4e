package com.myagents.cp;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Stores credentials through the real endpoints, as the CP UI would, and returns their refs. */
public final class Credentials {

    private Credentials() {
    }

    public static String platform(String customerToken, String platform, String accessToken) {
        HttpResponse<String> response = HTTP.putJson("/api/cp/platform-credentials", customerToken, """
                {"platform":"%s","posting_identity":"identity","access_token":"%s"}""".formatted(platform, accessToken));
        return createdRef(response);
    }

    /** An exchange setup for BTC and ETH, at most 5 units per order, with random keys. */
    public static String exchange(String customerToken) {
        HttpResponse<String> response = HTTP.putJson("/api/cp/exchange-setup", customerToken, """
                {"exchange_provider":"delta_exchange_india","api_key":"%s","api_secret":"%s","default_coin":"BTC",
                 "allowed_coins":["BTC","ETH"],"max_units_per_order":5}""".formatted(unique("key"), unique("secret")));
        return createdRef(response);
    }

    /** The ref a 201 answer to a new credential names: opaque, never derived from the secret. */
    public static String createdRef(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String ref = json(created).get("credential_ref").asString();
        assertThat(ref).matches("^cref_[0-9A-Za-z]{22}$");
        return ref;
    }

    /** A value no other test uses, so finding it anywhere means it leaked from here. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
    }
}
