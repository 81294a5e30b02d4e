package com.myagents.ingest.ops;

import java.util.ArrayList;
import java.util.List;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/** {@code page} (from 0) and {@code size} (1..{@value #MAX_SIZE}) of a listing, checked. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** {@code page} and {@code size} as the query string gives them; checked by {@link #of(Requested)}. */
    public record Requested(String page, String size) {
    }

    public static Paging of(Requested requested) {
        return of(requested.page(), requested.size());
    }

    public static Paging of(String page, String size) {
        List<Violation> problems = new ArrayList<>();
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(problems);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    private static int number(String name, String value, int fallback, int min, int max, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        problems.add(new Violation(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
