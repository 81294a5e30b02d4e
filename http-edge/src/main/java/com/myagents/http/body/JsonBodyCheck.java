package com.myagents.http.body;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reading of a request body that every hop agrees on: strict UTF-8 (no byte-order guessing),
 * one JSON document, no repeated keys, no control characters outside JSON whitespace and no lone
 * surrogates in any key or string, no string longer than {@value #MAX_STRING_CHARS} characters, no
 * number outside the 64-bit range, and a bounded depth. What passes is re-serialised: the bytes a
 * door forwards are the document it checked, never the caller's original spelling of it.
 */
public final class JsonBodyCheck {

    /** Longer than any free text the product takes (a Facebook post is 63,206 characters); schemas cap lower. */
    public static final int MAX_STRING_CHARS = 65_536;
    public static final int MAX_DEPTH = 32;
    /** Digits and exponent a number may have: enough for any money or quantity, too few to be costly. */
    static final int MAX_SCALE = 30;
    static final int MAX_VIOLATIONS = 20;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(100)
                            .maxStringLength(4 * MAX_STRING_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonBodyCheck() {
    }

    /**
     * @return the checked document, re-serialised as UTF-8 JSON
     * @throws ApiProblem 400 naming every offending pointer (or the body as a whole when it is not JSON)
     */
    public static byte[] canonical(byte[] body) {
        return JSON.writeValueAsBytes(parse(body));
    }

    /** The checked document itself. */
    public static JsonNode parse(byte[] body) {
        String text = utf8(body);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw malformed("the request body is not a single well-formed JSON document (keys may not repeat, "
                    + "nesting is at most " + MAX_DEPTH + " deep)");
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("the request body is empty");
        }
        List<Violation> violations = new ArrayList<>();
        inspect(root, "", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
        return root;
    }

    /** Why {@code value} may not stand in a request (a query parameter, a key, a string), or null. */
    public static String textProblem(String value) {
        if (value.length() > MAX_STRING_CHARS) {
            return "is longer than " + MAX_STRING_CHARS + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (forbiddenControl(c)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    /** Tab, line feed and carriage return are text; every other C0 and C1 control (and DEL) is not. */
    static boolean forbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static void inspect(JsonNode node, String pointer, List<Violation> violations) {
        if (violations.size() >= MAX_VIOLATIONS) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + escape(field.getKey());
                String keyProblem = textProblem(field.getKey());
                if (keyProblem != null) {
                    violations.add(new Violation(pointer.isEmpty() ? "/" : pointer, "has a key that " + keyProblem));
                } else {
                    inspect(field.getValue(), child, violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inspect(node.get(i), pointer + "/" + i, violations);
            }
        } else if (node.isString()) {
            String problem = textProblem(node.asString());
            if (problem != null) {
                violations.add(new Violation(pointer, problem));
            }
        } else if (node.isNumber()) {
            String problem = numberProblem(node);
            if (problem != null) {
                violations.add(new Violation(pointer, problem));
            }
        }
    }

    private static String numberProblem(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() > 63 ? "is outside the 64-bit integer range" : null;
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MIN) < 0) {
            return "is outside the range of accepted numbers";
        }
        if (value.scale() > MAX_SCALE) {
            return "has more than " + MAX_SCALE + " decimal places";
        }
        return null;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the request body is not valid UTF-8");
        }
    }

    private static ApiProblem malformed(String message) {
        return new ApiProblem(400, "malformed-json", "Bad Request", message,
                Map.of("errors", List.of(new Violation("", message))));
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
