package com.myagents.ingest.identity;

import java.util.UUID;

import com.myagents.http.problem.ApiProblem;

/** Parses ids from paths and bodies strictly: anything but a canonical UUID is a 400 naming the field. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String field, String value) {
        if (value != null && value.length() == 36) {
            try {
                UUID parsed = UUID.fromString(value);
                if (parsed.toString().equalsIgnoreCase(value)) {
                    return parsed;
                }
            } catch (IllegalArgumentException notAUuid) {
                // answered below
            }
        }
        throw ApiProblem.badRequest(field, "must be a UUID");
    }
}
