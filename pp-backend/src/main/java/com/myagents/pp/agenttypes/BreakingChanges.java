package com.myagents.pp.agenttypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.myagents.pp.agenttypes.BreakingChange.Kind;

import tools.jackson.databind.JsonNode;

/**
 * What a candidate version breaks compared with the previous published one: in the config schema
 * and in the settings schema of every goal template both versions have (nested objects and list
 * items included), removed required fields, new required fields and narrowed enums; and removed
 * goal templates.
 */
public final class BreakingChanges {

    private BreakingChanges() {
    }

    public static List<BreakingChange> between(JsonNode previous, JsonNode candidate) {
        List<BreakingChange> changes = new ArrayList<>();
        JsonNode oldConfig = previous.path("config_schema");
        JsonNode newConfig = candidate.path("config_schema");
        compare(oldConfig, oldConfig, newConfig, newConfig, "/config_schema", "config field ", changes);
        Map<String, Integer> newTemplates = new java.util.LinkedHashMap<>();
        JsonNode candidateTemplates = candidate.path("goal_templates");
        for (int i = 0; i < candidateTemplates.size(); i++) {
            newTemplates.putIfAbsent(candidateTemplates.get(i).path("goal_template_id").asString(""), i);
        }
        for (JsonNode old : previous.path("goal_templates")) {
            String id = old.path("goal_template_id").asString("");
            Integer index = newTemplates.get(id);
            if (index == null) {
                changes.add(new BreakingChange(Kind.REMOVED_GOAL_TEMPLATE, "/goal_templates", "goal template " + id
                        + " was removed; goals customers made from it can no longer run"));
                continue;
            }
            JsonNode oldSettings = old.path("settings_schema");
            JsonNode newSettings = candidateTemplates.get(index).path("settings_schema");
            compare(oldSettings, oldSettings, newSettings, newSettings, "/goal_templates/" + index + "/settings_schema",
                    "setting of goal " + id + " ", changes);
        }
        return changes;
    }

    private static void compare(JsonNode oldRoot, JsonNode oldNode, JsonNode newRoot, JsonNode newNode, String at,
                                String what, List<BreakingChange> changes) {
        JsonNode oldObject = FieldTypes.resolve(oldRoot, oldNode);
        JsonNode newObject = FieldTypes.resolve(newRoot, newNode);
        if (oldObject == null || newObject == null || !oldObject.isObject() || !newObject.isObject()) {
            return;
        }
        Set<String> oldRequired = names(oldObject.path("required"));
        Set<String> newRequired = names(newObject.path("required"));
        JsonNode newProperties = newObject.path("properties");
        for (String field : oldRequired) {
            if (!newProperties.has(field)) {
                changes.add(new BreakingChange(Kind.REMOVED_REQUIRED_FIELD, at + "/properties" + Finding.segment(field),
                        what + field + " was required and is removed; what customers entered for it is lost"));
            }
        }
        for (String field : newRequired) {
            if (!oldRequired.contains(field)) {
                changes.add(new BreakingChange(Kind.NEW_REQUIRED_FIELD, at + "/required",
                        what + field + " is newly required; instances without it stop being configured"));
            }
        }
        for (Map.Entry<String, JsonNode> property : oldObject.path("properties").properties()) {
            if (newProperties.has(property.getKey())) {
                field(oldRoot, property.getValue(), newRoot, newProperties.get(property.getKey()),
                        at + "/properties" + Finding.segment(property.getKey()), what + property.getKey(), changes);
            }
        }
    }

    private static void field(JsonNode oldRoot, JsonNode oldField, JsonNode newRoot, JsonNode newField, String at,
                              String what, List<BreakingChange> changes) {
        narrowed(oldRoot, oldField, newRoot, newField, at, what, changes);
        JsonNode oldResolved = FieldTypes.resolve(oldRoot, oldField);
        JsonNode newResolved = FieldTypes.resolve(newRoot, newField);
        if (oldResolved != null && newResolved != null && oldResolved.has("items") && newResolved.has("items")) {
            narrowed(oldRoot, oldResolved.get("items"), newRoot, newResolved.get("items"), at + "/items",
                    what + " items", changes);
        }
        if (oldResolved != null && oldResolved.path("properties").isObject()) {
            compare(oldRoot, oldResolved, newRoot, newResolved, at, what + ".", changes);
        }
    }

    private static void narrowed(JsonNode oldRoot, JsonNode oldField, JsonNode newRoot, JsonNode newField, String at,
                                 String what, List<BreakingChange> changes) {
        Set<JsonNode> before = FieldTypes.options(oldRoot, oldField);
        Set<JsonNode> after = FieldTypes.options(newRoot, newField);
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        Set<JsonNode> gone = new LinkedHashSet<>(before);
        gone.removeAll(after);
        if (!gone.isEmpty()) {
            changes.add(new BreakingChange(Kind.NARROWED_ENUM, at, what + " no longer allows "
                    + gone.stream().map(JsonNode::toString).toList() + "; instances using them stop being configured"));
        }
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(name -> names.add(name.asString("")));
        return names;
    }
}
