package com.myagents.http.door;

import java.util.ArrayList;
import java.util.List;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/** What a person signs in with at either door. */
public record LoginRequest(String email, String password) {

    /** Longer inputs are no credentials of ours; the cap keeps bcrypt input and logs small. */
    static final int MAX_LENGTH = 320;

    public void validate() {
        List<Violation> violations = new ArrayList<>();
        require("/email", email, violations);
        require("/password", password, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
    }

    private static void require(String pointer, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(pointer, "must not be blank"));
        } else if (value.length() > MAX_LENGTH) {
            violations.add(new Violation(pointer, "must be at most " + MAX_LENGTH + " characters"));
        }
    }
}
