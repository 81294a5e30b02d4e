package com.myagents.http.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import tools.jackson.core.JacksonException;

/**
 * Where in a request body a problem is, as a JSON pointer with the names the caller sent, and the
 * message about it without our Java types: what {@link ProblemAdvice} tells the caller.
 */
final class ProblemPointers {

    private ProblemPointers() {
    }

    static List<Violation> violations(Errors result) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            violations.add(new Violation(pointer(error.getField()), error.getDefaultMessage()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            violations.add(new Violation("", error.getDefaultMessage()));
        }
        return violations;
    }

    static JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** JSON pointer of the place Jackson was reading, with the names as they appear in the JSON. */
    static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(escape(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            } else {
                pointer.append('-');
            }
        }
        return pointer.toString();
    }

    /** JSON pointer for a Java property path ({@code items[0].maxUnits} → {@code /items/0/max_units}). */
    static String pointer(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String segment : propertyPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!segment.isEmpty()) {
                pointer.append('/').append(escape(snakeCase(segment)));
            }
        }
        return pointer.toString();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson names Java types in its messages; callers need the JSON story, not our class names
        return line.replaceAll("`[A-Za-z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1");
    }
}
