package com.myagents.ingest.ops;

import static com.myagents.ingest.hiring.HiredAgentCounts.GOALS;
import static com.myagents.ingest.hiring.HiredAgentCounts.PENDING;
import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.BindParam;

import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.identity.Ids;

/**
 * Operators' search over every customer's hired agents. Filters combine with AND; an email or a
 * customer's name finds customers through the {@link CustomerDirectory}, so an unknown email finds nothing.
 */
@Repository
public class HiredAgentSearch {

    /** What an operator searches by; {@code null} parts do not filter. */
    public record Criteria(Text email, UUID customerId, UUID subscriptionId, UUID hiredInstanceId) {
    }

    /** The search as the query string gives it (blank means absent); {@link #criteria()} checks it. */
    public record Query(String email, @BindParam("customer_id") String customerId,
                        @BindParam("subscription_id") String subscriptionId,
                        @BindParam("hired_instance_id") String hiredInstanceId) {

        Criteria criteria() {
            return new Criteria(Text.of(email), optionalId("customer_id", customerId),
                    optionalId("subscription_id", subscriptionId), optionalId("hired_instance_id", hiredInstanceId));
        }

        private static UUID optionalId(String name, String value) {
            return value == null || value.isBlank() ? null : Ids.uuid(name, value.strip());
        }
    }

    /**
     * The email box: a whole address finds that customer exactly; anything shorter is part of an
     * email, of the customer's name or of an agent's nickname (case-insensitive), since operators rarely have the whole address.
     */
    public record Text(String exactEmail, String fragment) {

        static final int MIN_FRAGMENT = 2;
        static final int MAX_FRAGMENT = 100;

        static Text of(String typed) {
            if (typed == null || typed.isBlank()) {
                return null;
            }
            String exact = CustomerDirectory.normalize(typed);
            String fragment = typed.strip();
            // "demo@myagents" is the start of an address, "demo@myagents.local" a whole one.
            if (exact != null && exact.substring(exact.indexOf('@')).contains(".")) {
                return new Text(exact, null);
            }
            if (fragment.length() < MIN_FRAGMENT || fragment.length() > MAX_FRAGMENT) {
                throw ApiProblem.badRequest("email", "must be an email address or " + MIN_FRAGMENT + " to " + MAX_FRAGMENT
                        + " characters of one, of a customer's name or of an agent's name");
            }
            return new Text(null, fragment);
        }
    }

    public record Found(List<HiredAgentSummary> hiredAgents, int page, int size, int total) {
    }

    private final DSLContext db;

    public HiredAgentSearch(DSLContext db) {
        this.db = db;
    }

    public Found find(Criteria criteria, Paging paging) {
        Condition where = where(criteria);
        int total = db.fetchCount(HIRED_AGENTS.join(SUBSCRIPTIONS)
                .on(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(HIRED_AGENTS.SUBSCRIPTION_ID))
                .leftJoin(CUSTOMER_DIRECTORY).on(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(HIRED_AGENTS.CUSTOMER_ID)), where);
        List<HiredAgentSummary> page = db.select(HIRED_AGENTS.HIRED_INSTANCE_ID, HIRED_AGENTS.SUBSCRIPTION_ID,
                        HIRED_AGENTS.CUSTOMER_ID, CUSTOMER_DIRECTORY.EMAIL, CUSTOMER_DIRECTORY.DISPLAY_NAME,
                        HIRED_AGENTS.AGENT_TYPE_ID,
                        HIRED_AGENTS.AGENT_TYPE_VERSION, HIRED_AGENTS.NICKNAME, HIRED_AGENTS.CONFIGURED,
                        SUBSCRIPTIONS.STATUS, SUBSCRIPTIONS.TRIAL_STATUS, SUBSCRIPTIONS.TRIAL_END_AT, GOALS, PENDING,
                        HIRED_AGENTS.CREATED_AT)
                .from(HIRED_AGENTS)
                .join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(HIRED_AGENTS.SUBSCRIPTION_ID))
                .leftJoin(CUSTOMER_DIRECTORY).on(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(HIRED_AGENTS.CUSTOMER_ID))
                .where(where)
                .orderBy(HIRED_AGENTS.CREATED_AT.desc(), HIRED_AGENTS.HIRED_INSTANCE_ID)
                .limit(paging.size()).offset(paging.offset())
                .fetch(HiredAgentSearch::summary);
        return new Found(page, paging.page(), paging.size(), total);
    }

    private Condition where(Criteria criteria) {
        List<Condition> conditions = new ArrayList<>();
        if (criteria.email() != null && criteria.email().exactEmail() != null) {
            conditions.add(HIRED_AGENTS.CUSTOMER_ID.in(
                    DSL.select(CUSTOMER_DIRECTORY.CUSTOMER_ID).from(CUSTOMER_DIRECTORY)
                            .where(CUSTOMER_DIRECTORY.EMAIL.eq(criteria.email().exactEmail()))));
        } else if (criteria.email() != null) {
            String fragment = criteria.email().fragment();
            conditions.add(CUSTOMER_DIRECTORY.EMAIL.containsIgnoreCase(fragment)
                    .or(CUSTOMER_DIRECTORY.DISPLAY_NAME.containsIgnoreCase(fragment))
                    .or(HIRED_AGENTS.NICKNAME.containsIgnoreCase(fragment)));
        }
        if (criteria.customerId() != null) {
            conditions.add(HIRED_AGENTS.CUSTOMER_ID.eq(criteria.customerId()));
        }
        if (criteria.subscriptionId() != null) {
            conditions.add(HIRED_AGENTS.SUBSCRIPTION_ID.eq(criteria.subscriptionId()));
        }
        if (criteria.hiredInstanceId() != null) {
            conditions.add(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(criteria.hiredInstanceId()));
        }
        return DSL.and(conditions);
    }

    private static HiredAgentSummary summary(Record r) {
        return new HiredAgentSummary(r.get(HIRED_AGENTS.HIRED_INSTANCE_ID).toString(),
                r.get(HIRED_AGENTS.SUBSCRIPTION_ID).toString(), r.get(HIRED_AGENTS.CUSTOMER_ID).toString(),
                r.get(CUSTOMER_DIRECTORY.EMAIL), r.get(CUSTOMER_DIRECTORY.DISPLAY_NAME), r.get(HIRED_AGENTS.AGENT_TYPE_ID), r.get(HIRED_AGENTS.AGENT_TYPE_VERSION),
                r.get(HIRED_AGENTS.NICKNAME), Boolean.TRUE.equals(r.get(HIRED_AGENTS.CONFIGURED)),
                r.get(SUBSCRIPTIONS.STATUS).literal(), r.get(SUBSCRIPTIONS.TRIAL_STATUS).literal(), r.get(SUBSCRIPTIONS.TRIAL_END_AT),
                r.get(GOALS), r.get(PENDING), r.get(HIRED_AGENTS.CREATED_AT));
    }
}
