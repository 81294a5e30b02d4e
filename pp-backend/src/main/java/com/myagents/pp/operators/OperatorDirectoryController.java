package com.myagents.pp.operators;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pp/operators}: who the operators are, by name, for every signed-in operator — so
 * PP says "published by Support Desk" instead of an operator id. Names and emails only, never roles
 * or anything of the account; it is the door's own data, no customer's, so it needs no audit entry.
 */
@RestController
public class OperatorDirectoryController {

    /** One operator as other operators see them. */
    public record OperatorName(String operatorId, String displayName, String email) {
    }

    public record Directory(List<OperatorName> operators) {
    }

    private final OperatorRepository operators;

    public OperatorDirectoryController(OperatorRepository operators) {
        this.operators = operators;
    }

    @GetMapping("/api/pp/operators")
    public Directory operators() {
        return new Directory(operators.all().stream()
                .map(operator -> new OperatorName(operator.operatorId().toString(), operator.displayName(), operator.email()))
                .toList());
    }
}
