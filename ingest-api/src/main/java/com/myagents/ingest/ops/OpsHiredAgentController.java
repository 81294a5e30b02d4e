package com.myagents.ingest.ops;

import java.util.Map;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
    HiredAgentSearch.Found search(@ParameterObject HiredAgentSearch.Query query, @ParameterObject Paging.Requested paging,
                                  HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        return search.find(query.criteria(), Paging.of(paging));
    }

    @GetMapping("/{hired_instance_id}")
    Map<String, Object> instance(@PathVariable("hired_instance_id") String hiredInstanceId, HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        UUID id = Ids.uuid("hired_instance_id", hiredInstanceId);
        return details.of(id).orElseThrow(() -> ApiProblem.notFound("hired agent " + id));
    }
}
