package com.myagents.connectors.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.intent.Target;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * The detail of a dry-run result: a JSON document, labelled first, with every request a live run
 * would send (method, URL, headers with secrets replaced by descriptions, body) in order.
 */
public final class DryRunDetail {

    public static final String LABEL = "DRY RUN: nothing was sent and no credential was resolved;"
            + " this is exactly what a live run would send";

    /** Why a command was only described: enforcement allowed it as a trial's dry run. */
    public static final String TRIAL = "the subscription's trial allows this action as a dry run only (trial_dry_run_actions)";
    /** Why a command was only described: this deployment's connectors do not act (the default). */
    public static final String DEPLOYMENT = "the connectors of this deployment run in dry-run mode (MYAGENTS_CONNECTORS_MODE)";

    private DryRunDetail() {
    }

    public static Outcome outcome(Target target, ExecutionCommand command, DryRunPlan plan, String why) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("label", LABEL);
        detail.put("mode", "dry_run");
        detail.put("why", why);
        detail.put("target", target.code());
        detail.put("action", command.action());
        detail.put("idempotency_key", command.idempotencyKey());
        detail.put("requests", plan.requests().stream().map(r -> r.described()).toList());
        List<String> notes = new ArrayList<>();
        notes.add("a live run first resolves the hired instance's " + target.code() + " credential from CP's vault"
                + " (POST /internal/vault/resolve, audited there) and fills in the redacted headers with it");
        notes.addAll(plan.notes());
        detail.put("notes", notes);
        return Outcome.dryRun(Json.write(detail));
    }
}
