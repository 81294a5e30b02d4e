package com.myagents.goals.runs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, forgiving reads of a JSON object (goal settings, instance configuration): a missing or
 * mistyped field reads as the given default, so a run drafts from whatever is valid.
 */
public final class Fields {

    private static final Fields EMPTY = new Fields(Map.of());

    private final Map<String, Object> values;

    private Fields(Map<String, Object> values) {
        this.values = values;
    }

    public static Fields of(Map<String, Object> values) {
        return values == null ? EMPTY : new Fields(values);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String text(String name, String otherwise) {
        Object value = values.get(name);
        return value instanceof String text && !text.isBlank() ? text.trim() : otherwise;
    }

    public int integer(String name, int otherwise) {
        Object value = values.get(name);
        return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                ? number.intValue() : otherwise;
    }

    /** A number as an exact decimal ({@code 0.1} stays 0.1), or {@code null} when absent or not a number. */
    public BigDecimal decimal(String name) {
        Object value = values.get(name);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public boolean bool(String name, boolean otherwise) {
        Object value = values.get(name);
        return value instanceof Boolean flag ? flag : otherwise;
    }

    /** The non-blank strings of an array field, in order; empty when absent. */
    public List<String> texts(String name) {
        Object value = values.get(name);
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String text && !text.isBlank()) {
                    texts.add(text.trim());
                }
            }
        }
        return List.copyOf(texts);
    }

    @SuppressWarnings("unchecked")
    public Fields object(String name) {
        Object value = values.get(name);
        return value instanceof Map<?, ?> map ? new Fields((Map<String, Object>) map) : EMPTY;
    }
}
