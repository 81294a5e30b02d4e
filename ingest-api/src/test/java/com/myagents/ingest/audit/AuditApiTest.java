package com.myagents.ingest.audit;

import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.ingest.ops.OpsPlant.INTERN;
import static com.myagents.ingest.ops.OpsPlant.SUPPORT;
import static com.myagents.ingest.ops.OpsPlant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Principal;
import com.myagents.ingest.ops.OpsPlant;

import tools.jackson.databind.JsonNode;

/** Denials and decisions as plant-store's materializer stores them, read by auditors with filters. */
class AuditApiTest {

    static final OpsPlant PLANT = OpsPlant.get();
    static final String CUSTOMER = UUID.randomUUID().toString();
    static final String SUBSCRIPTION = UUID.randomUUID().toString();
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC);

    static String missingApproval;
    static String trialEnded;
    static String allowed;

    @BeforeAll
    static void recordDecisions() {
        missingApproval = decide("deny", "approval_missing", T0);
        trialEnded = decide("deny", "trial_ended", T0.plusMinutes(10));
        allowed = decide("allow", "allowed", T0.plusMinutes(20));
    }

    @Test
    void listsACustomersDenialsNewestFirstWithTheInputsThatDecidedThem() {
        JsonNode page = json(PLANT.call("GET", "/api/v1/audit/denials?customer_id=" + CUSTOMER, AUDITOR, null));

        assertThat(correlations(page, "denials")).containsExactly(trialEnded, missingApproval);
        assertThat(page.path("total").asInt()).isEqualTo(2);
        JsonNode newest = page.path("denials").get(0);
        assertThat(newest.path("reason").asString()).isEqualTo("trial_ended");
        assertThat(newest.path("subscription_id").asString()).isEqualTo(SUBSCRIPTION);
        assertThat(newest.path("inputs").path("trial_end_at").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(newest.path("policy_version").asString()).isEqualTo("enforcement/1");
    }

    @Test
    void namesTheCustomerOfEachDenialAndDecisionByTheNameTheirIdentityCarried() {
        Principal named = new Principal(CUSTOMER, Principal.Kind.CUSTOMER, "audit-" + CUSTOMER.substring(0, 8)
                + "@example.test", Set.of(), "Lakeside Physio");
        PLANT.call("GET", "/api/v1/subscriptions", named, null);

        JsonNode denials = json(PLANT.call("GET", "/api/v1/audit/denials?customer_id=" + CUSTOMER, AUDITOR, null));
        JsonNode decisions = json(PLANT.call("GET", "/api/v1/audit/decisions?customer_id=" + CUSTOMER, AUDITOR, null));
        List<String> names = new ArrayList<>();
        denials.path("denials").forEach(d -> names.add(d.path("customer_name").asString()));

        assertThat(names).containsExactly("Lakeside Physio", "Lakeside Physio");
        assertThat(decisions.path("decisions").get(0).path("customer_name").asString()).isEqualTo("Lakeside Physio");
        assertThat(decisions.path("decisions").get(0).path("customer_id").asString()).isEqualTo(CUSTOMER);
    }

    @Test
    void filtersDenialsByReasonCorrelationSubscriptionAndTime() {
        String base = "/api/v1/audit/denials?subscription_id=" + SUBSCRIPTION;

        assertThat(correlations(json(PLANT.call("GET", base + "&reason=approval_missing", AUDITOR, null)), "denials"))
                .containsExactly(missingApproval);
        assertThat(correlations(json(PLANT.call("GET", "/api/v1/audit/denials?correlation_id=" + trialEnded, SUPPORT,
                null)), "denials")).containsExactly(trialEnded);
        assertThat(correlations(json(PLANT.call("GET", base + "&from=" + enc(T0.plusMinutes(5)) + "&to="
                + enc(T0.plusMinutes(15)), AUDITOR, null)), "denials")).containsExactly(trialEnded);
        JsonNode second = json(PLANT.call("GET", base + "&size=1&page=1", AUDITOR, null));
        assertThat(correlations(second, "denials")).containsExactly(missingApproval);
        assertThat(second.path("total").asInt()).isEqualTo(2);
    }

    @Test
    void listsDecisionsOfBothOutcomesAndFiltersByOutcome() {
        String base = "/api/v1/audit/decisions?customer_id=" + CUSTOMER;

        JsonNode all = json(PLANT.call("GET", base, AUDITOR, null));
        JsonNode allows = json(PLANT.call("GET", base + "&outcome=allow", AUDITOR, null));
        JsonNode narrowed = json(PLANT.call("GET", base + "&reason=trial_ended&subscription_id=" + SUBSCRIPTION
                + "&correlation_id=" + trialEnded + "&from=" + enc(T0) + "&to=" + enc(T0.plusHours(1)), AUDITOR, null));

        assertThat(correlations(all, "decisions")).containsExactly(allowed, trialEnded, missingApproval);
        assertThat(all.path("decisions").get(0).path("checks").get(0).path("check").asString()).isEqualTo("approval_present");
        assertThat(correlations(allows, "decisions")).containsExactly(allowed);
        assertThat(correlations(narrowed, "decisions")).containsExactly(trialEnded);
    }

    @Test
    void aReasonCodeANewerEnforcementWroteIsListedAndFilterableAsWritten() {
        // This build does not know quiet_hours; auditors still see and filter by it
        String otherCustomer = UUID.randomUUID().toString();
        String future = decide("deny", "quiet_hours", T0.plusMinutes(30), "enforcement-2027-01.1", otherCustomer);

        JsonNode denials = json(PLANT.call("GET", "/api/v1/audit/denials?reason=quiet_hours&customer_id=" + otherCustomer,
                AUDITOR, null));
        JsonNode decisions = json(PLANT.call("GET", "/api/v1/audit/decisions?correlation_id=" + future, AUDITOR, null));

        assertThat(correlations(denials, "denials")).containsExactly(future);
        assertThat(denials.path("denials").get(0).path("reason").asString()).isEqualTo("quiet_hours");
        assertThat(denials.path("denials").get(0).path("policy_version").asString()).isEqualTo("enforcement-2027-01.1");
        assertThat(decisions.path("decisions").get(0).path("reason").asString()).isEqualTo("quiet_hours");
    }

    @Test
    void namesEveryMalformedFilter() {
        HttpResponse<String> response = PLANT.call("GET", "/api/v1/audit/denials?reason=Bored%21&from=yesterday&to="
                + enc(T0) + "&customer_id=" + "x".repeat(200) + "&size=0", AUDITOR, null);
        HttpResponse<String> backwards = PLANT.call("GET", "/api/v1/audit/decisions?outcome=maybe&from="
                + enc(T0) + "&to=" + enc(T0.minusMinutes(1)), AUDITOR, null);

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        json(response).path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
        assertThat(pointers).contains("from", "reason", "customer_id", "size");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("must be after from", "allow or deny");
    }

    @Test
    void isForOperatorsWithARoleOnly() {
        HttpResponse<String> customer = PLANT.call("GET", "/api/v1/audit/denials", OpsPlant.DEMO_CUSTOMER, null);
        HttpResponse<String> intern = PLANT.call("GET", "/api/v1/audit/decisions", INTERN, null);

        assertThat(customer.statusCode()).isEqualTo(404);
        assertThat(intern.statusCode()).isEqualTo(403);
    }

    private static String decide(String outcome, String reason, OffsetDateTime at) {
        return decide(outcome, reason, at, "enforcement/1", CUSTOMER);
    }

    private static String decide(String outcome, String reason, OffsetDateTime at, String policyVersion, String customer) {
        JSONB checks = JSONB.valueOf("[{\"check\":\"approval_present\",\"passed\":" + outcome.equals("allow")
                + ",\"detail\":\"-\"}]");
        JSONB inputs = JSONB.valueOf("{\"trial_end_at\":\"2026-11-01T00:00:00Z\"}");
        return new StoredDecision("audit-" + reason + "-" + UUID.randomUUID(), UUID.randomUUID().toString(), SUBSCRIPTION,
                customer, outcome, reason, null, reason.replace('_', ' '), checks, inputs, policyVersion, at)
                .insert(PLANT.db());
    }

    private static List<String> correlations(JsonNode page, String list) {
        List<String> ids = new ArrayList<>();
        page.path(list).forEach(item -> ids.add(item.path("correlation_id").asString()));
        return ids;
    }

    private static String enc(OffsetDateTime time) {
        return URLEncoder.encode(time.toString(), StandardCharsets.UTF_8);
    }

}
