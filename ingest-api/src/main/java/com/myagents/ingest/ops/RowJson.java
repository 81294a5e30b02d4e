package com.myagents.ingest.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;

import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.status.DatabaseLiteral;

/**
 * A row of an operator view as JSON: the selected columns under their own (snake_case) names,
 * JSON columns as JSON rather than as text, ids as strings, statuses as the database spells them.
 */
public final class RowJson {

    private RowJson() {
    }

    public static Map<String, Object> of(Record row) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Field<?> field : row.fields()) {
            json.put(field.getName(), value(row.get(field)));
        }
        return json;
    }

    static Object value(Object value) {
        if (value instanceof JSONB jsonb) {
            return EventJson.MAPPER.readTree(jsonb.data());
        }
        if (value instanceof java.util.UUID id) {
            return id.toString();
        }
        if (value instanceof DatabaseLiteral literal) {
            return literal.literal();
        }
        return value;
    }
}
