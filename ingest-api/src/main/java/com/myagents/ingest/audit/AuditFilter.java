package com.myagents.ingest.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.BindParam;

import com.myagents.contracts.execution.ReasonCode;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.ops.Paging;

/**
 * What an auditor narrows decisions and denials down by, checked: every part is optional, times
 * are ISO-8601 instants with an offset ({@code from} inclusive, {@code to} exclusive), a reason is
 * any well-formed code (known to this build or not).
 */
public record AuditFilter(String customerId, String subscriptionId, String reason, String correlationId,
                          String outcome, OffsetDateTime from, OffsetDateTime to, Paging paging) {

    static final int MAX_ID = 128;
    private static final Pattern REASON_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * The filters every audit list and export takes, bound from the query string as given (blank
     * means absent); the decision views add {@code outcome}, the lists {@link Paging.Requested paging}.
     */
    public record Query(@BindParam("customer_id") String customerId, @BindParam("subscription_id") String subscriptionId,
                        String reason, @BindParam("correlation_id") String correlationId, String from, String to) {
    }

    public static AuditFilter of(Query q, String outcomeGiven, Paging.Requested pageGiven) {
        List<Violation> problems = new ArrayList<>();
        OffsetDateTime from = time("from", q.from(), problems);
        OffsetDateTime to = time("to", q.to(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new Violation("to", "must be after from"));
        }
        String reason = blankToNull(q.reason());
        // Any well-formed code is a valid filter: a newer enforcement may write codes this build does not know.
        if (reason != null && !REASON_CODE.matcher(reason).matches()) {
            problems.add(new Violation("reason", "must be a reason code (lower case letters, digits and _), e.g. one of "
                    + ReasonCode.values().stream().map(ReasonCode::code).toList()));
        }
        String outcome = blankToNull(outcomeGiven);
        if (outcome != null && !outcome.equals("allow") && !outcome.equals("deny")) {
            problems.add(new Violation("outcome", "must be allow or deny"));
        }
        String customerId = id("customer_id", q.customerId(), problems);
        String subscriptionId = id("subscription_id", q.subscriptionId(), problems);
        String correlationId = id("correlation_id", q.correlationId(), problems);
        Paging paging = null;
        try {
            paging = Paging.of(pageGiven);
        } catch (ApiProblem invalid) {
            @SuppressWarnings("unchecked")
            List<Violation> pagingProblems = (List<Violation>) invalid.properties().get("errors");
            problems.addAll(pagingProblems);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(problems);
        }
        return new AuditFilter(customerId, subscriptionId, reason, correlationId, outcome, from, to, paging);
    }

    private static OffsetDateTime time(String name, String value, List<Violation> problems) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(given);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(name, "must be an ISO-8601 instant with an offset, e.g. 2026-11-27T10:00:00Z"));
            return null;
        }
    }

    private static String id(String name, String value, List<Violation> problems) {
        String given = blankToNull(value);
        if (given != null && given.length() > MAX_ID) {
            problems.add(new Violation(name, "must be at most " + MAX_ID + " characters"));
            return null;
        }
        return given;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
