package com.myagents.pp.agenttypes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Every field of a schema has UI hints whose widget fits its type: CP renders forms from these and
 * nothing else. Enum widgets need options (the schema's enum or const, or {@code options_from} a list
 * field of the config); object widgets give hints for their own fields under {@code fields}; a hint
 * for a field the schema does not have is a typo waiting to confuse someone.
 */
final class UiHintRules {

    static final Set<String> WIDGETS = Set.of("text", "enum", "list", "object", "number", "boolean", "timezone",
            "credential_ref");

    private final JsonNode configSchema;
    private final List<Finding> findings;

    /**
     * @param configSchema the definition's config schema: {@code options_from} and {@code keyed_by}
     *                     point into the config, also from goal settings
     */
    UiHintRules(JsonNode configSchema, List<Finding> findings) {
        this.configSchema = configSchema;
        this.findings = findings;
    }

    /**
     * @param root       the schema document the fields' {@code $ref}s resolve in
     * @param object     the (resolved) object schema whose {@code properties} need hints
     * @param schemaPath where {@code object} sits in the definition
     * @param hints      the hints for those properties, keyed by field name
     * @param hintsPath  where {@code hints} sits in the definition
     */
    void check(JsonNode root, JsonNode object, String schemaPath, JsonNode hints, String hintsPath) {
        JsonNode properties = object.path("properties");
        if (!hints.isMissingNode() && !hints.isObject()) {
            findings.add(new Finding(hintsPath, "must be an object of UI hints keyed by field name"));
            return;
        }
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            String name = field.getKey();
            field(root, field.getValue(), schemaPath + "/properties" + Finding.segment(name), name,
                    hints.path(name), hintsPath + Finding.segment(name));
        }
        for (String hinted : hints.propertyNames()) {
            if (!properties.has(hinted)) {
                findings.add(new Finding(hintsPath + Finding.segment(hinted), "names no field of the schema at "
                        + schemaPath + "; remove it or add the field"));
            }
        }
    }

    private void field(JsonNode root, JsonNode schema, String schemaPath, String name, JsonNode hint, String hintPath) {
        if (!hint.isObject()) {
            findings.add(new Finding(hintPath, "field " + name + " has no UI hints: give it at least a label and a widget"));
            return;
        }
        String widget = hint.path("widget").asString(null);
        if (widget == null || !WIDGETS.contains(widget)) {
            findings.add(new Finding(hintPath + "/widget", "must be one of " + new TreeSet<>(WIDGETS)));
            return;
        }
        String type = FieldTypes.typeOf(root, schema);
        if (type == null) {
            findings.add(new Finding(schemaPath, "field " + name + " declares no type: give it a type, a const, an "
                    + "enum or a $ref to a definition that has one"));
            return;
        }
        Set<String> fitting = FieldTypes.WIDGETS_BY_TYPE.getOrDefault(type, Set.of());
        if (!fitting.contains(widget)) {
            findings.add(new Finding(hintPath + "/widget", "widget " + widget + " does not fit field " + name
                    + " of type " + type + "; use " + (fitting.isEmpty() ? "a field of another type" : new TreeSet<>(fitting))));
            return;
        }
        if (widget.equals("enum") && FieldTypes.options(root, schema).isEmpty() && !hint.has("options_from")) {
            findings.add(new Finding(hintPath, "enum widget of field " + name + " has no options: give the schema an "
                    + "enum or a const, or the hint options_from pointing to a list field of the config"));
        }
        pointsToList(hint, "options_from", hintPath);
        pointsToList(hint, "keyed_by", hintPath);
        JsonNode resolved = FieldTypes.resolve(root, schema);
        explainsPattern(root, resolved, widget, name, hint, hintPath);
        if (widget.equals("object") && resolved.path("properties").isObject()) {
            check(root, resolved, schemaPath, hint.path("fields"), hintPath + "/fields");
        }
    }

    /**
     * A field the customer types into under a {@code pattern} must say in words what it expects
     * ({@code pattern_help}, or {@code examples}): CP shows it instead of "not in the expected format".
     * Fields picked from options (enum, timezone, credential) are exempt.
     */
    private void explainsPattern(JsonNode root, JsonNode resolved, String widget, String name, JsonNode hint, String hintPath) {
        if (!(widget.equals("text") || widget.equals("list")) || hint.has("options_from")) {
            return;
        }
        JsonNode typed = widget.equals("list") ? FieldTypes.resolve(root, resolved.path("items")) : resolved;
        if (typed == null || !typed.has("pattern") || typed.has("enum")) {
            return;
        }
        boolean helped = !hint.path("pattern_help").asString("").isBlank()
                || (hint.path("examples").isArray() && !hint.path("examples").isEmpty());
        if (!helped) {
            findings.add(new Finding(hintPath, "field " + name + " must match the pattern " + typed.path("pattern").asString()
                    + ": say what it expects in words with pattern_help (e.g. \"an upper-case coin symbol such as BTC\") "
                    + "or give examples"));
        }
    }

    /** {@code options_from} and {@code keyed_by} name a list field of the config, as a JSON pointer. */
    private void pointsToList(JsonNode hint, String member, String hintPath) {
        if (!hint.has(member)) {
            return;
        }
        String pointer = hint.path(member).asString("");
        JsonNode target = configField(pointer);
        if (target == null || !"array".equals(FieldTypes.typeOf(configSchema, target))) {
            findings.add(new Finding(hintPath + "/" + member, "must point to a list field of the config, e.g. "
                    + "/allowed_coins; " + (pointer.isEmpty() ? "it is empty" : pointer + " is not one")));
        }
    }

    private JsonNode configField(String pointer) {
        if (!pointer.startsWith("/") || configSchema == null || !configSchema.isObject()) {
            return null;
        }
        JsonNode current = configSchema;
        for (String segment : pointer.substring(1).split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            JsonNode object = FieldTypes.resolve(configSchema, current);
            if (object == null || !object.path("properties").has(name)) {
                return null;
            }
            current = object.path("properties").path(name);
        }
        return current;
    }
}
