package com.myagents.ingest.ops;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.identity.Ids;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Support's view of every customer's hired agents: search by customer email, customer id,
 * subscription id or hired instance id, and one instance in full. Support and admins only.
 */
@RestController
@RequestMapping("/api/v1/ops/hired-agents")
class OpsHiredAgentController {

    private final HiredAgentSearch search;
    private final InstanceDetails details;

    OpsHiredAgentController(HiredAgentSearch search, InstanceDetails details) {
        this.search = search;
        this.details = details;
    }

    @GetMapping
    HiredAgentSearch.Found search(@RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "customer_id", required = false) String customerId,
                                  @RequestParam(name = "subscription_id", required = false) String subscriptionId,
                                  @RequestParam(name = "hired_instance_id", required = false) String hiredInstanceId,
                                  @RequestParam(name = "page", required = false) String page,
                                  @RequestParam(name = "size", required = false) String size,
                                  HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        var criteria = new HiredAgentSearch.Criteria(HiredAgentSearch.Text.of(email), optionalId("customer_id", customerId),
                optionalId("subscription_id", subscriptionId), optionalId("hired_instance_id", hiredInstanceId));
        return search.find(criteria, Paging.of(page, size));
    }

    @GetMapping("/{hired_instance_id}")
    Map<String, Object> instance(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        UUID id = Ids.uuid("hired_instance_id", hiredInstanceId);
        return details.of(id).orElseThrow(() -> ApiProblem.notFound("hired agent " + id));
    }

    private static UUID optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : Ids.uuid(name, value.strip());
    }
}
