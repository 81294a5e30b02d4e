package com.myagents.contracts.execution;

/** One named check enforcement ran for a decision, and how it came out. */
public record CheckResult(String check, boolean passed, String detail) {
}
