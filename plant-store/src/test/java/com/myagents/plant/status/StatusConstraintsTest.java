package com.myagents.plant.status;

import static com.myagents.plant.jooq.generated.Tables.AGENT_TYPE_DEFINITIONS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.myagents.plant.PlantTestDatabase;
import com.myagents.plant.jooq.generated.DefaultSchema;

/**
 * The enums of this package against the schema after all migrations: a migration that adds a
 * status to a CHECK list without the enum (or an enum constant the database refuses) fails here,
 * not at run time when a row cannot be read or written.
 */
class StatusConstraintsTest {

    /** Each column with a CHECK list, and the enum that types it. */
    private static final Map<String, Class<? extends DatabaseLiteral>> ENUMS = Map.of(
            "agent_type_definitions.status", AgentTypeStatus.class,
            "subscriptions.status", SubscriptionStatus.class,
            "subscriptions.trial_status", TrialStatus.class,
            "goal_instances.frequency", GoalFrequency.class,
            "goal_runs.status", GoalRunStatus.class,
            "deliverables.state", DeliverableState.class,
            "approvals.verdict", ApprovalVerdict.class,
            "execution_requests.status", ExecutionRequestStatus.class,
            "billing_events.kind", BillingEventKind.class);

    // PostgreSQL prints "status in ('a', 'b')" as ((status)::text = ANY ((ARRAY['a'::character varying, ...
    private static final Pattern LIST = Pattern.compile("\\(\\((\\w+)\\)::text = ANY \\(\\(ARRAY\\[(.*)]\\)::text\\[]\\)\\)");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'::character varying");

    @AutoClose
    private static final PlantTestDatabase database = PlantTestDatabase.migrated(false);
    private static final DSLContext dsl = database.dsl();

    @Test
    void everyEnumListsExactlyTheValuesItsCheckConstraintAllows() {
        Map<String, Set<String>> constraints = checkLists();

        Map<String, Set<String>> enums = new TreeMap<>();
        ENUMS.forEach((column, type) -> enums.put(column, literals(type)));

        // every CHECK list has an enum, every enum a CHECK list, and they allow the same values
        assertThat(constraints).isEqualTo(enums);
    }

    @Test
    void generatedFieldsReadTheColumnAsItsEnum() {
        // the seeded agent types are published: the converter maps the column's literal, not the enum's name
        assertThat(dsl.selectDistinct(AGENT_TYPE_DEFINITIONS.STATUS).from(AGENT_TYPE_DEFINITIONS).fetch(AGENT_TYPE_DEFINITIONS.STATUS))
                .containsExactly(AgentTypeStatus.PUBLISHED);
        assertThat(dsl.fetchCount(AGENT_TYPE_DEFINITIONS, AGENT_TYPE_DEFINITIONS.STATUS.eq(AgentTypeStatus.PUBLISHED)))
                .isEqualTo(dsl.fetchCount(AGENT_TYPE_DEFINITIONS));
    }

    @Test
    void everyColumnWithACheckListIsGeneratedTypedByItsEnum() {
        Map<String, Class<?>> generated = new TreeMap<>();
        ENUMS.forEach((column, type) -> {
            String[] tableAndColumn = column.split("\\.");
            generated.put(column, DefaultSchema.DEFAULT_SCHEMA.getTable(tableAndColumn[0]).field(tableAndColumn[1]).getType());
        });

        // a column left out of the pom's forcedTypes would be generated as String
        assertThat(generated).isEqualTo(new TreeMap<>(ENUMS));
    }

    @Test
    void enumTypedConditionsAndInlinedValuesWriteTheLiteral() {
        // the materializer's conditional upserts compare and inline enums: the SQL holds the column's literals
        String sql = dsl.renderInlined(dsl.update(GOAL_RUNS)
                .set(GOAL_RUNS.STATUS, DSL.when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED),
                        DSL.inline(GoalRunStatus.SKIPPED, GOAL_RUNS.STATUS)).otherwise(GOAL_RUNS.STATUS))
                .where(GOAL_RUNS.STATUS.in(GoalRunStatus.TRIGGERED, GoalRunStatus.COMPLETED)));

        assertThat(sql).contains("= 'triggered'", "then 'skipped'", "in ('triggered', 'completed')").doesNotContain("TRIGGERED");
    }

    @Test
    void converterWritesTheLiteralAndReadsItBack() {
        LiteralConverter<TrialStatus> converter = new LiteralConverter<>(TrialStatus.class);

        assertThat(converter.to(TrialStatus.ENDED_NOT_CONVERTED)).isEqualTo("ended_not_converted");
        assertThat(converter.from("ended_not_converted")).isEqualTo(TrialStatus.ENDED_NOT_CONVERTED);
        assertThat(TrialStatus.of("not_eligible")).isEqualTo(TrialStatus.NOT_ELIGIBLE);
    }

    @Test
    void refusesALiteralTheEnumDoesNotKnow() {
        assertThatThrownBy(() -> DeliverableState.of("PENDING_REVIEW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DeliverableState has no literal 'PENDING_REVIEW'");
    }

    /** table.column → allowed values, for every CHECK constraint of the form "column in (...)". */
    private static Map<String, Set<String>> checkLists() {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (Record row : dsl.resultQuery("""
                select t.relname as table_name, pg_get_constraintdef(c.oid) as definition
                from pg_constraint c
                join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = c.connamespace
                where c.contype = 'c' and n.nspname = current_schema()
                """).fetch()) {
            Matcher list = LIST.matcher(row.get("definition", String.class));
            if (list.find()) {
                Set<String> values = new TreeSet<>();
                Matcher literal = LITERAL.matcher(list.group(2));
                while (literal.find()) {
                    values.add(literal.group(1));
                }
                lists.put(row.get("table_name", String.class) + "." + list.group(1), values);
            }
        }
        return lists;
    }

    private static Set<String> literals(Class<? extends DatabaseLiteral> type) {
        return Arrays.stream(type.getEnumConstants()).map(DatabaseLiteral::literal).collect(Collectors.toCollection(TreeSet::new));
    }
}
