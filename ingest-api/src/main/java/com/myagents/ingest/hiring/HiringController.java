package com.myagents.ingest.hiring;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.ingest.identity.Caller;
import com.myagents.ingest.identity.Ids;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** Subscriptions and hired agent instances of the calling customer. */
@RestController
@RequestMapping("/api/v1")
class HiringController {

    private final HiringService hiring;

    HiringController(HiringService hiring) {
        this.hiring = hiring;
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView hire(@RequestBody @Valid HireRequest request, HttpServletRequest http) {
        return hiring.hire(Caller.of(http).customerId(), request);
    }

    @GetMapping("/subscriptions")
    Map<String, List<SubscriptionView>> subscriptions(HttpServletRequest http) {
        return Map.of("subscriptions", hiring.subscriptions(Caller.of(http).customerId()));
    }

    /** Everything CP's hub needs for every instance of the caller, in one read. */
    @GetMapping("/hired-agents/summary")
    Map<String, List<HiredAgentView>> summary(HttpServletRequest http) {
        return Map.of("instances", hiring.summary(Caller.of(http).customerId()));
    }

    @GetMapping("/hired-agents/by-subscription/{subscription_id}")
    HiredAgentView bySubscription(@PathVariable("subscription_id") String subscriptionId, HttpServletRequest http) {
        return hiring.bySubscription(Caller.of(http).customerId(), Ids.uuid("subscription_id", subscriptionId));
    }

    @GetMapping("/hired-agents/{hired_instance_id}")
    HiredAgentView byInstance(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        return hiring.byInstance(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId));
    }

    @PutMapping("/hired-agents/draft")
    HiredAgentView saveDraft(@RequestBody @Valid DraftConfigRequest request, HttpServletRequest http) {
        return hiring.saveDraft(Caller.of(http).customerId(), request);
    }

    @PostMapping("/hired-agents/{hired_instance_id}/finalize")
    HiredAgentView finalizeInstance(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        return hiring.finalizeInstance(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId));
    }

    @PostMapping("/hired-agents/{hired_instance_id}/upgrade")
    HiredAgentView upgrade(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        return hiring.upgrade(Caller.of(http).customerId(), Ids.uuid("hired_instance_id", hiredInstanceId));
    }
}
