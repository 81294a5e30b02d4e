package com.myagents.ingest.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

/**
 * Plant holds references, never secrets. Finds anything in a document that is or looks like a
 * secret: by key name (token, password, api_key …) and by value shape (JWTs, PEM blocks,
 * {@code Bearer …}, known key prefixes, long high-entropy strings) in any field at any depth,
 * fields ending {@code _ref}/{@code _id} included.
 */
public final class SecretScanner {

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(token|secret|passw(or)?d|passphrase|api[_-]?key|apikey|private[_-]?key|access[_-]?key"
                    + "|signing[_-]?key|auth(orization)?|bearer|cookie|session).*");
    private static final Pattern REF_KEY = Pattern.compile("(?i).*(_ref|_id|_refs|_ids)$");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----");
    private static final Pattern BEARER = Pattern.compile("(?i)^\\s*(bearer|basic)\\s+\\S+");
    private static final Pattern KNOWN_PREFIX = Pattern.compile(
            "^(sk_(live|test)_|rk_live_|ghp_|gho_|github_pat_|xox[abpr]-|AKIA[0-9A-Z]{12}|AIza|ya29\\.|EAAC|AQV).*");
    /** Opaque refs minted by CP are shorter than this; a longer random string is a secret. */
    private static final int HIGH_ENTROPY_MIN_LENGTH = 32;
    private static final double HIGH_ENTROPY_BITS_PER_CHAR = 3.5;

    private SecretScanner() {
    }

    public static List<Violation> findSecrets(JsonNode document) {
        List<Violation> found = new ArrayList<>();
        scan(document, "", null, found);
        return found;
    }

    private static void scan(JsonNode node, String pointer, String key, List<Violation> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + ConfigRules.escape(field.getKey());
                if (SECRET_KEY.matcher(field.getKey()).matches() && !REF_KEY.matcher(field.getKey()).matches()
                        && !field.getValue().isNull()) {
                    found.add(new Violation(child, "looks like a secret by its name; store it in CP and send its credential_ref"));
                    continue;
                }
                scan(field.getValue(), child, field.getKey(), found);
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode item : node) {
                scan(item, pointer + "/" + index++, key, found);
            }
        } else if (node.isString() && looksSecret(node.asString())) {
            found.add(new Violation(pointer.isEmpty() ? "/" : pointer,
                    "looks like a secret by its value; store it in CP and send its credential_ref"));
        }
    }

    static boolean looksSecret(String value) {
        String trimmed = value.strip();
        return JWT.matcher(trimmed).find()
                || PEM.matcher(trimmed).find()
                || BEARER.matcher(trimmed).find()
                || KNOWN_PREFIX.matcher(trimmed).matches()
                || highEntropy(trimmed);
    }

    private static boolean highEntropy(String value) {
        if (value.length() < HIGH_ENTROPY_MIN_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        int[] counts = new int[128];
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return classes >= 2 && entropy >= HIGH_ENTROPY_BITS_PER_CHAR;
    }
}
