package com.myagents.contracts.execution.signing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.serde.EventJson;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes a command signature covers: the command's JSON (the wire field names) without its
 * {@code signature}, every object's keys sorted, no whitespace. Signer and verifier derive it
 * from the record, so field order on the wire does not matter.
 */
public final class CanonicalCommand {

    private static final JsonMapper SORTED = EventJson.MAPPER.rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> AS_MAP = new TypeReference<>() { };

    private CanonicalCommand() {
    }

    public static byte[] bytes(ExecutionCommand command) {
        // As a map first: map entries (nested ones too) are sorted by key, record properties are not.
        Map<String, Object> fields = SORTED.convertValue(command, AS_MAP);
        fields.remove("signature");
        return SORTED.writeValueAsBytes(fields);
    }
}
