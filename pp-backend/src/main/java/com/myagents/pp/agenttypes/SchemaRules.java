package com.myagents.pp.agenttypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A config or settings schema must be a JSON Schema 2020-12 document that the meta-schema accepts,
 * that compiles, whose local references all lead somewhere, and that describes a JSON object.
 */
final class SchemaRules {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));
    private static final JsonNode EMPTY_OBJECT = JsonMapper.builder().build().createObjectNode();

    private SchemaRules() {
    }

    /** @param at where the schema sits in the definition, e.g. {@code /config_schema} */
    static List<Finding> check(String at, JsonNode schema) {
        List<Finding> findings = new ArrayList<>();
        if (schema == null || !schema.isObject()) {
            findings.add(new Finding(at, "must be a JSON Schema 2020-12 object"));
            return findings;
        }
        String dialect = schema.path("$schema").asString(null);
        if (dialect != null && !dialect.equals(DIALECT) && !dialect.equals(DIALECT + "#")) {
            findings.add(new Finding(at + "/$schema", "must be " + DIALECT + " (JSON Schema 2020-12), not " + dialect));
        }
        for (Error error : META_SCHEMA.validate(schema)) {
            findings.add(new Finding(at + pointer(error.getInstanceLocation()), error.getMessage()));
        }
        brokenReferences(schema, schema, at, findings);
        if (findings.isEmpty()) {
            try {
                REGISTRY.getSchema(schema).validate(EMPTY_OBJECT);
            } catch (RuntimeException e) {
                findings.add(new Finding(at, "does not compile: " + e.getMessage()));
            }
        }
        if (findings.isEmpty() && !"object".equals(FieldTypes.typeOf(schema, schema))) {
            findings.add(new Finding(at + "/type", "must be \"object\": a config and goal settings are JSON objects"));
        }
        return findings;
    }

    /** Every {@code "$ref": "#/..."} must point at a node of this same document. */
    private static void brokenReferences(JsonNode root, JsonNode node, String at, List<Finding> findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String here = at + Finding.segment(member.getKey());
                if (member.getKey().equals("$ref") && member.getValue().isString()
                        && member.getValue().asString().startsWith("#")
                        && root.at(member.getValue().asString().substring(1)).isMissingNode()) {
                    findings.add(new Finding(here, "points to nothing in this schema: " + member.getValue().asString()));
                } else {
                    brokenReferences(root, member.getValue(), here, findings);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                brokenReferences(root, node.get(i), at + "/" + i, findings);
            }
        }
    }

    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append(Finding.segment(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }
}
