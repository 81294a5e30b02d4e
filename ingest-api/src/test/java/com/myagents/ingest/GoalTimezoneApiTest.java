package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;

import tools.jackson.databind.JsonNode;

/** A goal's times follow its agent's time zone unless the goal names its own. */
class GoalTimezoneApiTest {

    final RunningIngestApi api = RunningIngestApi.get();
    final HiringApiTest hiring = new HiringApiTest();

    @Test
    void aGoalWithoutItsOwnZoneFollowsTheAgentsAlsoWhenItChangesAndAnExplicitZoneStays() {
        JsonNode hired = hiring.hire(DEMO_CUSTOMER, "marketing.healthcare.v1");
        String subscription = hired.path("subscription_id").asString();
        String instance = hired.path("hired_instance_id").asString();
        hiring.saveDraft(DEMO_CUSTOMER, subscription, HiringApiTest.MARKETING_CONFIG);

        HttpResponse<String> following = save(instance, null);
        HttpResponse<String> own = save(instance, "Europe/Berlin");
        assertThat(following.statusCode()).as(following.body()).isEqualTo(201);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(json(following).path("timezone").isNull()).as(following.body()).isTrue();
        assertThat(json(following).path("effective_timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(json(own).path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(json(own).path("effective_timezone").asString()).isEqualTo("Europe/Berlin");
        // the scheduler is told which goal has a zone of its own, and no zone at all for the other
        String followingId = json(following).path("goal_instance_id").asString();
        String ownId = json(own).path("goal_instance_id").asString();
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ? "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'timezone' is null", Topics.GOAL_CHANGES.name(), followingId))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ? "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'timezone' = 'Europe/Berlin'", Topics.GOAL_CHANGES.name(), ownId))
                .isEqualTo(1);

        hiring.saveDraft(DEMO_CUSTOMER, subscription, HiringApiTest.MARKETING_CONFIG.replace("Asia/Kolkata", "America/New_York"));

        JsonNode goals = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER, null)).path("goals");
        for (JsonNode goal : goals) {
            String expected = goal.path("goal_instance_id").asString().equals(ownId) ? "Europe/Berlin" : "America/New_York";
            assertThat(goal.path("effective_timezone").asString()).as(goal.toString()).isEqualTo(expected);
        }
        assertThat(goals).hasSize(2);
    }

    @Test
    void aGoalZoneThatIsNotAnIanaZoneIsRejectedNamingTheField() {
        String instance = new GoalsApiTest().configuredMarketingInstance();

        HttpResponse<String> invalid = save(instance, "Mars/Olympus_Mons");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("/timezone");
    }

    private HttpResponse<String> save(String instance, String timezone) {
        return api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"daily\",\"time_of_day\":\"09:30\","
                        + "\"settings\":{\"topics\":[\"hydration\"]}"
                        + (timezone == null ? "" : ",\"timezone\":\"" + timezone + "\"") + "}");
    }
}
