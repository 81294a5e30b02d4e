package com.myagents.ingest.deliverables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.http.problem.ApiProblem;

class PlanReadinessTest {

    @Test
    void refusesToApproveAPlanBlockedByItsRiskChecksListingTheFailedOnes() {
        String blocked = """
                {"plan_status": "blocked_by_risk_checks", "risk_checks": [
                  {"check": "coin_chosen", "result": "pass", "detail": "BTC"},
                  {"check": "max_units_per_order", "result": "fail", "detail": "5 > 2"}]}""";

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> PlanReadiness.requireReady(blocked));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.properties()).containsEntry("reason", "risk_check_failed");
        assertThat(problem.properties().get("failed_checks"))
                .isEqualTo(List.of(Map.of("check", "max_units_per_order", "detail", "5 > 2")));
    }

    @Test
    void letsAReadyPlanAndDraftsThatAreNotPlansBeApproved() {
        assertThatCode(() -> PlanReadiness.requireReady("{\"plan_status\": \"ready_for_approval\"}")).doesNotThrowAnyException();
        assertThatCode(() -> PlanReadiness.requireReady("{\"text\": \"a post\"}")).doesNotThrowAnyException();
        assertThatCode(() -> PlanReadiness.requireReady(null)).doesNotThrowAnyException();
    }
}
