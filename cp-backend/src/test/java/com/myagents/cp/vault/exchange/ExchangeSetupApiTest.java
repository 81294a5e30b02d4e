package com.myagents.cp.vault.exchange;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.cp.CapturedLogs;
import com.myagents.cp.CpDatabase;
import com.myagents.cp.Credentials;
import com.myagents.cp.Demo;

import tools.jackson.databind.JsonNode;

class ExchangeSetupApiTest {

    private static final String PATH = "/api/cp/exchange-setup";

    @Test
    void storesKeysAndLimitsAndNeverShowsTheKeys() {
        String apiKey = Credentials.unique("delta-key");
        String apiSecret = Credentials.unique("delta-secret");
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpResponse<String> created = HTTP.putJson(PATH, Demo.token(), """
                    {"exchange_provider":"delta_exchange_india","api_key":"%s","api_secret":"%s",
                     "default_coin":"btc","allowed_coins":["BTC"," eth ","BTC"],"max_units_per_order":5,
                     "max_notional_inr":200000.50}""".formatted(apiKey, apiSecret));

            String ref = Credentials.createdRef(created);
            JsonNode body = json(created);
            assertThat(body.get("exchange_provider").asString()).isEqualTo("delta_exchange_india");
            assertThat(body.get("default_coin").asString()).isEqualTo("BTC");
            assertThat(body.get("allowed_coins").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("BTC", "ETH");
            assertThat(body.get("max_units_per_order").decimalValue()).isEqualByComparingTo("5");
            assertThat(body.get("max_units_per_order").toString()).isEqualTo("5");
            assertThat(body.get("max_notional_inr").decimalValue()).isEqualByComparingTo(new BigDecimal("200000.5"));
            assertThat(body.get("hint").asString()).isEqualTo("****" + apiKey.substring(apiKey.length() - 4));
            assertThat(body.get("created_at").asString()).isNotBlank();
            assertThat(body.get("rotated_at").isNull()).isTrue();

            HttpResponse<String> list = HTTP.get(PATH, Demo.token());
            HttpResponse<String> one = HTTP.get(PATH + "/" + ref, Demo.token());
            assertThat(json(one)).isEqualTo(body);
            assertThat(json(list).get("exchange_setups").valueStream().map(node -> node.get("credential_ref").asString()))
                    .contains(ref);
            for (HttpResponse<String> response : List.of(created, list, one)) {
                assertThat(response.body()).doesNotContain(apiKey).doesNotContain(apiSecret).doesNotContain("api_secret");
            }
            assertThat(CpDatabase.whereStored(apiKey)).isEmpty();
            assertThat(CpDatabase.whereStored(apiSecret)).isEmpty();
            assertThat(logs.text()).doesNotContain(apiKey).doesNotContain(apiSecret);
        }
    }

    @Test
    void namesEveryFieldThatBreaksARule() {
        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(), """
                {"exchange_provider":"binance","api_key":" ","default_coin":"SOL","allowed_coins":["BTC","b-t-c"],
                 "max_units_per_order":0,"max_notional_inr":-1}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(pointers(json(response))).containsExactly("/exchange_provider", "/api_key", "/api_secret",
                "/allowed_coins/1", "/default_coin", "/max_units_per_order", "/max_notional_inr");
    }

    @Test
    void requiresCoinsAndALimitAndKeepsAmountsWithinTheirColumns() {
        HttpResponse<String> noCoins = HTTP.putJson(PATH, Demo.token(), """
                {"exchange_provider":"delta_exchange_india","api_key":"k","api_secret":"s","default_coin":"BTC",
                 "allowed_coins":[]}""");
        HttpResponse<String> tooPrecise = HTTP.putJson(PATH, Demo.token(), """
                {"exchange_provider":"delta_exchange_india","api_key":"k","api_secret":"s","default_coin":"BTC",
                 "allowed_coins":["BTC"],"max_units_per_order":0.000000001,"max_notional_inr":1e18}""");
        // beyond the 64-bit range the door's edge refuses the number before the vault sees it
        HttpResponse<String> outOfRange = HTTP.putJson(PATH, Demo.token(), """
                {"exchange_provider":"delta_exchange_india","api_key":"k","api_secret":"s","default_coin":"BTC",
                 "allowed_coins":["BTC"],"max_units_per_order":1,"max_notional_inr":1e30}""");

        assertThat(pointers(json(noCoins))).containsExactly("/allowed_coins", "/max_units_per_order");
        assertThat(pointers(json(tooPrecise))).containsExactly("/max_units_per_order", "/max_notional_inr");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(pointers(json(outOfRange))).containsExactly("/max_notional_inr");
    }

    @Test
    void rotatesKeysAndLimitsOfTheCallersSetupOnly() {
        String ref = Credentials.exchange(Demo.token());
        String newKey = Credentials.unique("rotated-key");

        HttpResponse<String> rotated = HTTP.putJson(PATH, Demo.token(), """
                {"exchange_provider":"delta_exchange_india","api_key":"%s","api_secret":"%s","default_coin":"ETH",
                 "allowed_coins":["ETH"],"max_units_per_order":2.5,"credential_ref":"%s"}"""
                .formatted(newKey, Credentials.unique("rotated-secret"), ref));
        HttpResponse<String> byOther = HTTP.putJson(PATH, Demo.otherToken(), """
                {"exchange_provider":"delta_exchange_india","api_key":"k","api_secret":"s","default_coin":"ETH",
                 "allowed_coins":["ETH"],"max_units_per_order":1,"credential_ref":"%s"}""".formatted(ref));

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode body = json(rotated);
        assertThat(body.get("credential_ref").asString()).isEqualTo(ref);
        assertThat(body.get("default_coin").asString()).isEqualTo("ETH");
        assertThat(body.get("max_units_per_order").toString()).isEqualTo("2.5");
        assertThat(body.get("max_notional_inr").isNull()).isTrue();
        assertThat(body.get("rotated_at").isNull()).isFalse();
        assertThat(byOther.statusCode()).isEqualTo(404);
        assertThat(HTTP.get(PATH + "/" + ref, Demo.otherToken()).statusCode()).isEqualTo(404);
        assertThat(HTTP.delete(PATH + "/" + ref, Demo.otherToken()).statusCode()).isEqualTo(404);
        assertThat(HTTP.delete(PATH + "/" + ref, Demo.token()).statusCode()).isEqualTo(204);
    }

    @Test
    void keepsAPlatformRefOutOfTheExchangeStore() {
        HttpResponse<String> platform = HTTP.putJson("/api/cp/platform-credentials", Demo.token(),
                "{\"platform\":\"x\",\"posting_identity\":\"@a\",\"access_token\":\"t\"}");
        String platformRef = json(platform).get("credential_ref").asString();

        assertThat(HTTP.get(PATH + "/" + platformRef, Demo.token()).statusCode()).isEqualTo(404);
        assertThat(HTTP.delete(PATH + "/" + platformRef, Demo.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void keepsKeysOutOfItsRequestText() {
        ExchangeSetupRequest request = new ExchangeSetupRequest("delta_exchange_india", "key-123456", "secret-654321",
                "BTC", List.of("BTC"), BigDecimal.ONE, null, null);

        assertThat(request.toString()).doesNotContain("key-123456").doesNotContain("secret-654321");
    }

    @Test
    void writesAmountsPlainly() {
        assertThat(ExchangeSetupRepository.plain(new BigDecimal("50.00000000")).toString()).isEqualTo("50");
        assertThat(ExchangeSetupRepository.plain(new BigDecimal("0.50")).toString()).isEqualTo("0.5");
        assertThat(ExchangeSetupRepository.plain(null)).isNull();
    }

    private static List<String> pointers(JsonNode problem) {
        return problem.get("errors").valueStream().map(node -> node.get("pointer").asString()).toList();
    }
}
