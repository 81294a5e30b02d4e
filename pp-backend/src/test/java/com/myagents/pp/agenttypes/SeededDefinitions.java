package com.myagents.pp.agenttypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two Phase-1 definitions exactly as Plant seeds them (read from plant-store's migrations on the
 * test classpath: V2 seeds them, V4 merges the metering keys into their enforcement defaults), shaped
 * as Plant serves them; each call returns a fresh copy to break on purpose.
 */
final class SeededDefinitions {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEED = "db/plant/V2__seed_agent_types.sql";
    private static final String METERING = "db/plant/V4__metering.sql";
    private static final String HINTS = "db/plant/V8__ui_hints_in_customer_words.sql";
    private static final String PUBLISHING = "db/plant/V7__publishing_methods.sql";
    private static final String[] PARTS = {"config_schema", "ui_hints", "goal_templates", "enforcement_defaults",
            "extra_rules"};
    private static final List<JsonNode> BLOCKS = blocks();
    /** V4's jsonb merges, marketing then trading: top-level keys replace those of the seed (jsonb ||). */
    private static final List<JsonNode> METERING_MERGES = meteringMerges();
    /** V8's ui_hints merges, marketing then trading: top-level hints replace those of the seed. */
    private static final List<JsonNode> HINT_MERGES = jsonBlocks(HINTS, 2);

    private SeededDefinitions() {
    }

    static ObjectNode marketing() {
        ObjectNode marketing = withMetering(definition("marketing.healthcare.v1", 0), METERING_MERGES.get(0));
        return withHints(withMetering(marketing, merges(PUBLISHING).get(0)), HINT_MERGES.get(0));
    }

    static ObjectNode trading() {
        return withHints(withMetering(definition("trading.delta_futures.v1", PARTS.length), METERING_MERGES.get(1)),
                HINT_MERGES.get(1));
    }

    private static ObjectNode withHints(ObjectNode definition, JsonNode merge) {
        ObjectNode hints = (ObjectNode) definition.get("ui_hints");
        merge.properties().forEach(key -> hints.set(key.getKey(), key.getValue().deepCopy()));
        return definition;
    }

    private static List<JsonNode> jsonBlocks(String path, int expected) {
        Matcher json = Pattern.compile("\\$json\\$(.*?)\\$json\\$", Pattern.DOTALL).matcher(migration(path));
        List<JsonNode> blocks = new ArrayList<>();
        while (json.find()) {
            blocks.add(JSON.readTree(json.group(1)));
        }
        if (blocks.size() != expected) {
            throw new IllegalStateException("expected " + expected + " JSON blocks in " + path + ", found " + blocks.size());
        }
        return blocks;
    }

    private static ObjectNode withMetering(ObjectNode definition, JsonNode merge) {
        ObjectNode defaults = (ObjectNode) definition.get("enforcement_defaults");
        merge.properties().forEach(key -> defaults.set(key.getKey(), key.getValue().deepCopy()));
        return definition;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ObjectNode definition(String agentTypeId, int first) {
        ObjectNode definition = JSON.createObjectNode();
        definition.put("agent_type_id", agentTypeId);
        definition.put("version", "1.0.0");
        definition.put("status", "published");
        definition.put("display_name", agentTypeId);
        for (int i = 0; i < PARTS.length; i++) {
            definition.set(PARTS[i], BLOCKS.get(first + i).deepCopy());
        }
        return definition;
    }

    private static List<JsonNode> meteringMerges() {
        List<JsonNode> merges = merges(METERING);
        if (merges.size() != 2) {
            throw new IllegalStateException("expected two jsonb merges in " + METERING + ", found " + merges.size());
        }
        return merges;
    }

    /** The jsonb literals of a migration, in order (V7's first is the marketing enforcement merge). */
    private static List<JsonNode> merges(String path) {
        Matcher merge = Pattern.compile("'(\\{.*?\\})'::jsonb", Pattern.DOTALL).matcher(migration(path));
        List<JsonNode> merges = new ArrayList<>();
        while (merge.find()) {
            merges.add(JSON.readTree(merge.group(1)));
        }
        return merges;
    }

    private static String migration(String path) {
        try (InputStream in = SeededDefinitions.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (plant-store)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> blocks() {
        Matcher json = Pattern.compile("\\$json\\$(.*?)\\$json\\$", Pattern.DOTALL).matcher(migration(SEED));
        List<JsonNode> blocks = new ArrayList<>();
        while (json.find()) {
            blocks.add(JSON.readTree(json.group(1)));
        }
        if (blocks.size() != 2 * PARTS.length) {
            throw new IllegalStateException("expected two seeded definitions in " + SEED + ", found "
                    + blocks.size() + " JSON blocks");
        }
        return blocks;
    }
}
