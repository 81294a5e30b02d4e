package com.myagents.ingest.subscriptions;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.ingest.hiring.HiredAgentView;
import com.myagents.ingest.identity.Caller;
import com.myagents.ingest.identity.Ids;
import com.myagents.ingest.ops.OperatorViews;

import jakarta.servlet.http.HttpServletRequest;

/** A customer's plan: subscribe (convert), change the monthly budget, cancel; an operator's trial extension. */
@RestController
@RequestMapping("/api/v1")
class SubscriptionController {

    private final SubscriptionLifecycle lifecycle;

    SubscriptionController(SubscriptionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/subscriptions/{subscription_id}/convert")
    HiredAgentView convert(@PathVariable("subscription_id") String subscriptionId,
            @RequestBody(required = false) BudgetRequest request, HttpServletRequest http) {
        return lifecycle.convert(Caller.of(http).customerId(), Ids.uuid("subscription_id", subscriptionId), request);
    }

    @PutMapping("/subscriptions/{subscription_id}/budget")
    HiredAgentView budget(@PathVariable("subscription_id") String subscriptionId,
            @RequestBody(required = false) BudgetRequest request, HttpServletRequest http) {
        return lifecycle.changeBudget(Caller.of(http).customerId(), Ids.uuid("subscription_id", subscriptionId), request);
    }

    @PostMapping("/subscriptions/{subscription_id}/cancel")
    HiredAgentView cancel(@PathVariable("subscription_id") String subscriptionId, HttpServletRequest http) {
        return lifecycle.cancel(Caller.of(http).customerId(), Ids.uuid("subscription_id", subscriptionId));
    }

    @PostMapping("/ops/subscriptions/{subscription_id}/extend-trial")
    HiredAgentView extendTrial(@PathVariable("subscription_id") String subscriptionId,
            @RequestBody(required = false) TrialExtension request, HttpServletRequest http) {
        OperatorViews.ADMIN.require(http);
        return lifecycle.extendTrial(Ids.uuid("subscription_id", subscriptionId), request);
    }
}
