package com.myagents.cp.vault.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.myagents.cp.vault.CredentialRequest;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

/**
 * {@code PUT /api/cp/exchange-setup}: exchange keys plus the limits the customer sets on them; with
 * {@code credential_ref}, new keys and limits for an existing setup. Carries secrets, so
 * {@link #toString()} leaves them out.
 */
public record ExchangeSetupRequest(String exchangeProvider, String apiKey, String apiSecret, String defaultCoin,
                                   List<String> allowedCoins, BigDecimal maxUnitsPerOrder, BigDecimal maxNotionalInr,
                                   String credentialRef) implements CredentialRequest<ExchangeSetupRequest.Valid> {

    /** Phase 1 supports exactly one exchange. */
    public static final String PROVIDER = "delta_exchange_india";
    static final int MAX_SECRET_LENGTH = 1024;
    static final int MAX_COINS = 50;
    static final int UNITS_SCALE = 8;
    static final int UNITS_INTEGER_DIGITS = 12;
    static final int INR_SCALE = 2;
    static final int INR_INTEGER_DIGITS = 18;
    private static final Pattern COIN = Pattern.compile("^[A-Z0-9]{1,20}$");

    /** The request's values as stored: coins upper-case, trimmed, without duplicates, in the given order. */
    public record Valid(String defaultCoin, List<String> allowedCoins, BigDecimal maxUnitsPerOrder, BigDecimal maxNotionalInr) {
    }

    @Override
    public Valid validate() {
        List<Violation> violations = new ArrayList<>();
        if (!PROVIDER.equals(exchangeProvider)) {
            violations.add(new Violation("/exchange_provider", "must be " + PROVIDER));
        }
        requireSecret("/api_key", apiKey, violations);
        requireSecret("/api_secret", apiSecret, violations);
        List<String> coins = coins(violations);
        String coin = defaultCoin == null ? null : defaultCoin.strip().toUpperCase(Locale.ROOT);
        if (coin == null || coin.isEmpty()) {
            violations.add(new Violation("/default_coin", "must not be blank"));
        } else if (!coins.isEmpty() && !coins.contains(coin)) {
            violations.add(new Violation("/default_coin", "must be one of allowed_coins " + coins));
        }
        checkAmount("/max_units_per_order", maxUnitsPerOrder, true, UNITS_SCALE, UNITS_INTEGER_DIGITS, violations);
        checkAmount("/max_notional_inr", maxNotionalInr, false, INR_SCALE, INR_INTEGER_DIGITS, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
        return new Valid(coin, coins, maxUnitsPerOrder, maxNotionalInr);
    }

    /** What is sealed: the key and the secret, nothing else. */
    @Override
    public Map<String, String> secret() {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("api_key", apiKey.strip());
        secret.put("api_secret", apiSecret.strip());
        return secret;
    }

    @Override
    public String hinted() {
        return apiKey;
    }

    private List<String> coins(List<Violation> violations) {
        if (allowedCoins == null || allowedCoins.isEmpty()) {
            violations.add(new Violation("/allowed_coins", "must list at least one coin"));
            return List.of();
        }
        if (allowedCoins.size() > MAX_COINS) {
            violations.add(new Violation("/allowed_coins", "must list at most " + MAX_COINS + " coins"));
            return List.of();
        }
        LinkedHashSet<String> coins = new LinkedHashSet<>();
        for (int i = 0; i < allowedCoins.size(); i++) {
            String value = allowedCoins.get(i) == null ? "" : allowedCoins.get(i).strip().toUpperCase(Locale.ROOT);
            if (!COIN.matcher(value).matches()) {
                violations.add(new Violation("/allowed_coins/" + i,
                        "must be a coin symbol such as BTC (letters and digits)"));
            } else {
                coins.add(value);
            }
        }
        return List.copyOf(coins);
    }

    private static void requireSecret(String pointer, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(pointer, "must not be blank"));
        } else if (value.length() > MAX_SECRET_LENGTH) {
            violations.add(new Violation(pointer, "must be at most " + MAX_SECRET_LENGTH + " characters"));
        }
    }

    private static void checkAmount(String pointer, BigDecimal value, boolean required, int scale, int integerDigits,
                                    List<Violation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(pointer, "is required and must be greater than 0"));
            }
            return;
        }
        if (value.signum() <= 0) {
            violations.add(new Violation(pointer, "must be greater than 0"));
        } else if (value.stripTrailingZeros().scale() > scale) {
            violations.add(new Violation(pointer, "must have at most " + scale + " decimal places"));
        } else if (value.precision() - value.scale() > integerDigits) {
            violations.add(new Violation(pointer, "is too large"));
        }
    }

    @Override
    public String toString() {
        return "ExchangeSetupRequest[exchangeProvider=" + exchangeProvider + ", defaultCoin=" + defaultCoin
                + ", allowedCoins=" + allowedCoins + ", maxUnitsPerOrder=" + maxUnitsPerOrder + ", maxNotionalInr="
                + maxNotionalInr + ", credentialRef=" + credentialRef + ", keys=<hidden>]";
    }
}
