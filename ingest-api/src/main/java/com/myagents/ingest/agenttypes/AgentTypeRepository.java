package com.myagents.ingest.agenttypes;

import static com.myagents.plant.jooq.generated.Tables.AGENT_TYPE_DEFINITIONS;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.jooq.generated.tables.records.AgentTypeDefinitionsRecord;
import com.myagents.plant.status.AgentTypeStatus;

import tools.jackson.databind.JsonNode;

@Repository
public class AgentTypeRepository {

    private final DSLContext db;

    AgentTypeRepository(DSLContext db) {
        this.db = db;
    }

    /** The latest published version of every agent type. */
    public List<AgentTypeDefinition> latestPublished() {
        var t = AGENT_TYPE_DEFINITIONS;
        return db.selectFrom(t).where(t.STATUS.eq(AgentTypeStatus.PUBLISHED)).fetch().stream()
                .map(AgentTypeRepository::toDefinition)
                .collect(Collectors.groupingBy(AgentTypeDefinition::agentTypeId,
                        Collectors.maxBy(Comparator.comparing(d -> SemVer.parse(d.version())))))
                .values().stream().flatMap(Optional::stream)
                .sorted(Comparator.comparing(AgentTypeDefinition::agentTypeId))
                .toList();
    }

    public Optional<AgentTypeDefinition> latestPublished(String agentTypeId) {
        return versions(agentTypeId).stream().filter(AgentTypeDefinition::published)
                .max(Comparator.comparing(d -> SemVer.parse(d.version())));
    }

    public Optional<AgentTypeDefinition> find(String agentTypeId, String version) {
        var t = AGENT_TYPE_DEFINITIONS;
        return db.selectFrom(t).where(t.AGENT_TYPE_ID.eq(agentTypeId)).and(t.VERSION.eq(version))
                .fetchOptional().map(AgentTypeRepository::toDefinition);
    }

    public List<AgentTypeDefinition> versions(String agentTypeId) {
        var t = AGENT_TYPE_DEFINITIONS;
        return db.selectFrom(t).where(t.AGENT_TYPE_ID.eq(agentTypeId)).fetch().stream()
                .map(AgentTypeRepository::toDefinition)
                .sorted(Comparator.comparing(d -> SemVer.parse(d.version())))
                .toList();
    }

    public void insertDraft(AgentTypeDefinition draft) {
        db.insertInto(AGENT_TYPE_DEFINITIONS).set(record(draft)).execute();
    }

    public void updateDraft(AgentTypeDefinition draft) {
        var t = AGENT_TYPE_DEFINITIONS;
        db.update(t).set(record(draft))
                .where(t.AGENT_TYPE_ID.eq(draft.agentTypeId())).and(t.VERSION.eq(draft.version())).and(t.STATUS.eq(AgentTypeStatus.DRAFT))
                .execute();
    }

    public boolean publish(String agentTypeId, String version, OffsetDateTime at) {
        var t = AGENT_TYPE_DEFINITIONS;
        return db.update(t).set(t.STATUS, AgentTypeStatus.PUBLISHED).set(t.PUBLISHED_AT, at)
                .where(t.AGENT_TYPE_ID.eq(agentTypeId)).and(t.VERSION.eq(version)).and(t.STATUS.eq(AgentTypeStatus.DRAFT))
                .execute() == 1;
    }

    private static AgentTypeDefinitionsRecord record(AgentTypeDefinition d) {
        var r = new AgentTypeDefinitionsRecord();
        r.setAgentTypeId(d.agentTypeId());
        r.setVersion(d.version());
        r.setStatus(d.lifecycle());
        r.setDisplayName(d.displayName());
        r.setDescription(d.description());
        r.setConfigSchema(jsonb(d.configSchema()));
        r.setUiHints(jsonb(d.uiHints()));
        r.setGoalTemplates(jsonb(d.goalTemplates()));
        r.setEnforcementDefaults(jsonb(d.enforcementDefaults()));
        r.setExtraRules(jsonb(d.extraRules()));
        r.setCreatedAt(d.createdAt());
        r.setCreatedBy(d.createdBy());
        r.setPublishedAt(d.publishedAt());
        return r;
    }

    static AgentTypeDefinition toDefinition(Record record) {
        var r = record.into(AgentTypeDefinitionsRecord.class);
        return new AgentTypeDefinition(r.getAgentTypeId(), r.getVersion(), r.getStatus().literal(), r.getDisplayName(),
                r.getDescription(), json(r.getConfigSchema()), json(r.getUiHints()), json(r.getGoalTemplates()),
                json(r.getEnforcementDefaults()), json(r.getExtraRules()), r.getCreatedAt(), r.getCreatedBy(),
                r.getPublishedAt());
    }

    static JsonNode json(JSONB value) {
        return EventJson.MAPPER.readTree(value == null ? "null" : value.data());
    }

    static JSONB jsonb(JsonNode node) {
        return JSONB.valueOf(EventJson.MAPPER.writeValueAsString(node));
    }
}
