package com.myagents.http.problem;

/**
 * One reason a request was refused.
 *
 * @param pointer JSON pointer into the request body ({@code /max_units_per_order}), or the name of a
 *                header, query or path parameter
 * @param message what is wrong, for a human
 */
public record Violation(String pointer, String message) {
}
