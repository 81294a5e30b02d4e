package com.myagents.ingest.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.ingest.ops.OperatorViews;
import com.myagents.ingest.ops.Paging;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every denial and every decision, filtered by customer, subscription, reason, correlation id and
 * time, for operators by role (auditors, support, admins); customers get 404.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditQueries queries;

    AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/denials")
    Map<String, Object> denials(@ParameterObject AuditFilter.Query query, @ParameterObject Paging.Requested paging,
                                HttpServletRequest http) {
        OperatorViews.AUDIT.require(http);
        return body("denials", queries.denials(AuditFilter.of(query, null, paging)));
    }

    @GetMapping("/decisions")
    Map<String, Object> decisions(@ParameterObject AuditFilter.Query query,
                                  @RequestParam(name = "outcome", required = false) String outcome,
                                  @ParameterObject Paging.Requested paging, HttpServletRequest http) {
        OperatorViews.AUDIT.require(http);
        return body("decisions", queries.decisions(AuditFilter.of(query, outcome, paging)));
    }

    private static Map<String, Object> body(String name, AuditQueries.Page<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.items());
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", page.total());
        return body;
    }
}
