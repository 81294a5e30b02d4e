package com.myagents.contracts.serde;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants every event carries ({@code 2026-12-04T02:05:29.123456Z}, as {@link Instant#toString}
 * writes them) by hand: Jackson's own deserializer goes through {@code DateTimeFormatter.ISO_INSTANT},
 * whose field maps and resolver cost microseconds per instant and showed as a tenth of enforcement's
 * stream thread. Anything that is not exactly that canonical UTC form (an offset, a leap second, a
 * number, a blank) goes to Jackson's deserializer, so what is accepted, rejected and how is unchanged.
 */
final class CanonicalInstants extends DelegatingDeserializer {

    CanonicalInstants() {
        this(InstantDeserializer.INSTANT);
    }

    private CanonicalInstants(ValueDeserializer<?> jacksons) {
        super(jacksons);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
        return new CanonicalInstants(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            Instant canonical = parse(p.getString());
            if (canonical != null) {
                return canonical;
            }
        }
        return _delegatee.deserialize(p, ctxt);
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} with 1–9 fraction digits, a real date and a time before
     * 24:00 without a leap second; null for anything else (the caller falls back).
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, 1);
        if (day > date.lengthOfMonth()) {
            return null;
        }
        long epochSecond = (date.toEpochDay() + day - 1) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The decimal number in {@code [from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
