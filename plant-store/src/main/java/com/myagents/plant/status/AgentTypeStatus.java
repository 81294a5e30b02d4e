package com.myagents.plant.status;

/** Where a version of an agent type definition is in its life ({@code agent_type_definitions.status}: its constants are the CHECK constraint's list). */
public enum AgentTypeStatus implements DatabaseLiteral {
    DRAFT("draft"),
    PUBLISHED("published"),
    RETIRED("retired");

    private final String literal;

    AgentTypeStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static AgentTypeStatus of(String literal) {
        return DatabaseLiteral.of(AgentTypeStatus.class, literal);
    }
}
