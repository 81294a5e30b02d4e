package com.myagents.goals.trading;

import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.contracts.NamedCode;

/** One named risk check of a trading plan and how it came out, with the numbers that decided it. */
public record RiskCheck(String check, Result result, String detail) {

    public enum Result implements NamedCode {
        PASS, FAIL,
        /** The check does not apply (e.g. no price is known for a market order). */
        SKIPPED
    }

    static RiskCheck pass(String check, String detail) {
        return new RiskCheck(check, Result.PASS, detail);
    }

    static RiskCheck fail(String check, String detail) {
        return new RiskCheck(check, Result.FAIL, detail);
    }

    static RiskCheck skipped(String check, String detail) {
        return new RiskCheck(check, Result.SKIPPED, detail);
    }

    boolean failed() {
        return result == Result.FAIL;
    }

    Map<String, Object> toPayload() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("check", check);
        map.put("result", result.code());
        map.put("detail", detail);
        return map;
    }
}
