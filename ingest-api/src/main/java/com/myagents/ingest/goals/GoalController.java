package com.myagents.ingest.goals;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.ingest.identity.Caller;
import com.myagents.ingest.identity.Ids;

import jakarta.servlet.http.HttpServletRequest;

/** Goals of one hired agent instance of the calling customer. */
@RestController
@RequestMapping("/api/v1/hired-agents/{hired_instance_id}/goals")
class GoalController {

    private final GoalService goals;

    GoalController(GoalService goals) {
        this.goals = goals;
    }

    @GetMapping
    Map<String, List<GoalView>> list(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        return Map.of("goals", goals.list(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId)));
    }

    @PutMapping
    ResponseEntity<GoalView> save(@PathVariable("hired_instance_id") String hiredInstanceId,
                                  @RequestBody GoalRequest request, HttpServletRequest http) {
        GoalService.Saved saved = goals.save(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId), request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.goal());
    }

    @DeleteMapping("/{goal_instance_id}")
    ResponseEntity<Void> delete(@PathVariable("hired_instance_id") String hiredInstanceId,
                                @PathVariable("goal_instance_id") String goalInstanceId, HttpServletRequest http) {
        goals.delete(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId),
                Ids.uuid("goal_instance_id", goalInstanceId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{goal_instance_id}/run")
    ResponseEntity<Map<String, String>> run(@PathVariable("hired_instance_id") String hiredInstanceId,
                                            @PathVariable("goal_instance_id") String goalInstanceId, HttpServletRequest http) {
        String runId = goals.runNow(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId),
                Ids.uuid("goal_instance_id", goalInstanceId), CorrelationIdFilter.current(http));
        return ResponseEntity.accepted().body(Map.of("run_id", runId, "goal_instance_id", goalInstanceId));
    }
}
