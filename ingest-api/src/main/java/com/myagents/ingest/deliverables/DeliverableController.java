package com.myagents.ingest.deliverables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.identity.Caller;
import com.myagents.ingest.identity.Ids;
import com.myagents.plant.status.DeliverableState;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** Drafts to review: list, detail, edit, regenerate, approve/reject (one at a time or as a batch). */
@RestController
@RequestMapping("/api/v1")
class DeliverableController {

    private static final List<String> STATES = Arrays.stream(DeliverableState.values()).map(DeliverableState::literal).toList();
    private static final int MAX_PAGE_SIZE = 200;

    private final DeliverableQueries queries;
    private final ReviewService reviews;
    private final Regeneration regeneration;

    DeliverableController(DeliverableQueries queries, ReviewService reviews, Regeneration regeneration) {
        this.queries = queries;
        this.reviews = reviews;
        this.regeneration = regeneration;
    }

    @GetMapping("/hired-agents/{hired_instance_id}/deliverables")
    DeliverableQueries.Page list(@PathVariable("hired_instance_id") String hiredInstanceId,
                                 @RequestParam(name = "state", required = false) String state,
                                 @RequestParam(name = "goal_instance_id", required = false) String goalInstanceId,
                                 @RequestParam(name = "platform", required = false) String platform,
                                 @RequestParam(name = "period", required = false) String period,
                                 @RequestParam(name = "page", defaultValue = "0") int page,
                                 @RequestParam(name = "size", defaultValue = "50") int size,
                                 HttpServletRequest http) {
        UUID customerId = Caller.of(http).customerId();
        UUID instance = Ids.uuid("hired_instance_id", hiredInstanceId);
        queries.requireReadable(customerId, instance);
        if (state != null && !STATES.contains(state)) {
            throw ApiProblem.badRequest("state", "must be one of " + STATES);
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(page < 0 ? "page" : "size", "page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        if (platform != null && !platform.matches("[a-z]{1,20}")) {
            throw ApiProblem.badRequest("platform", "must be a platform name such as linkedin");
        }
        if (period != null && !period.matches("(daily:\\d{4}-\\d{2}-\\d{2}|weekly:\\d{4}-W\\d{2}|monthly:\\d{4}-\\d{2}|on_demand:[A-Za-z0-9._:-]{1,128})")) {
            throw ApiProblem.badRequest("period", "must be a period key such as daily:2026-11-27, weekly:2026-W48 or monthly:2026-11");
        }
        UUID goal = goalInstanceId == null ? null : Ids.uuid("goal_instance_id", goalInstanceId);
        return queries.list(customerId, instance, new DeliverableQueries.Filter(state, goal, platform, period), page, size);
    }

    @GetMapping("/deliverables/{deliverable_id}")
    DeliverableView one(@PathVariable("deliverable_id") String deliverableId, HttpServletRequest http) {
        UUID id = Ids.uuid("deliverable_id", deliverableId);
        return queries.one(Caller.of(http).customerId(), id).orElseThrow(() -> ApiProblem.notFound("deliverable " + id));
    }

    @PutMapping("/deliverables/{deliverable_id}")
    DeliverableView edit(@PathVariable("deliverable_id") String deliverableId, @RequestBody @Valid EditRequest request,
                         HttpServletRequest http) {
        UUID customerId = Caller.of(http).customerId();
        UUID id = Ids.uuid("deliverable_id", deliverableId);
        reviews.edit(customerId, id, request);
        return queries.one(customerId, id).orElseThrow();
    }

    @PostMapping("/deliverables/{deliverable_id}/review")
    DeliverableView review(@PathVariable("deliverable_id") String deliverableId, @RequestBody @Valid ReviewRequest request,
                           HttpServletRequest http) {
        Caller caller = Caller.of(http);
        UUID id = Ids.uuid("deliverable_id", deliverableId);
        reviews.review(caller.customerId(), caller.id(), id, request);
        return queries.one(caller.customerId(), id).orElseThrow();
    }

    /**
     * Writes the post again: a new metered run of its goal for this post alone. 202 with the run id;
     * the new draft supersedes this one when it is written (the goal shows the run, a denial included).
     */
    @PostMapping("/deliverables/{deliverable_id}/regenerate")
    ResponseEntity<Map<String, String>> regenerate(@PathVariable("deliverable_id") String deliverableId,
                                                   HttpServletRequest http) {
        UUID id = Ids.uuid("deliverable_id", deliverableId);
        String runId = regeneration.regenerate(Caller.of(http).customerId(), id, CorrelationIdFilter.current(http));
        return ResponseEntity.accepted().body(Map.of("run_id", runId, "supersedes", id.toString()));
    }

    /** A convenience over per-deliverable review: each item gets its own approval and its own outcome. */
    @PostMapping("/deliverables/review-batch")
    Map<String, List<Map<String, Object>>> reviewBatch(@RequestBody @Valid ReviewRequest.Batch batch, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<Map<String, Object>> results = new ArrayList<>();
        for (String raw : batch.deliverableIds()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deliverable_id", raw);
            try {
                UUID approvalId = reviews.review(caller.customerId(), caller.id(), Ids.uuid("deliverable_ids", raw),
                        new ReviewRequest(batch.decision(), batch.notes(), null));
                result.put("status", "reviewed");
                result.put("approval_id", approvalId.toString());
            } catch (ApiProblem problem) {
                result.put("status", "failed");
                result.put("problem", Map.of("status", problem.status(), "title", problem.title(),
                        "detail", problem.getMessage()));
            }
            results.add(result);
        }
        return Map.of("results", results);
    }
}
