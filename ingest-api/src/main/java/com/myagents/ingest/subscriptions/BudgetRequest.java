package com.myagents.ingest.subscriptions;

/** The monthly budget of a paid plan, in the currency's minor unit. */
public record BudgetRequest(Long budgetMinorPerMonth) {
}
