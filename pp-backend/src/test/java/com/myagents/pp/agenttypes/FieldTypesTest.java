package com.myagents.pp.agenttypes;

import static com.myagents.pp.agenttypes.SeededDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class FieldTypesTest {

    static final JsonNode ROOT = json("{\"$defs\":{\"coin\":{\"type\":\"string\"},\"alias\":{\"$ref\":\"#/$defs/coin\"},"
            + "\"loop\":{\"$ref\":\"#/$defs/loop\"}}}");

    @Test
    void readsTheTypeAFormRendererWouldSee() {
        assertThat(FieldTypes.typeOf(ROOT, json("{\"type\":[\"null\",\"integer\"]}"))).isEqualTo("integer");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"$ref\":\"#/$defs/alias\"}"))).isEqualTo("string");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"const\":true}"))).isEqualTo("boolean");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"const\":1.5}"))).isEqualTo("number");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"enum\":[[1],[2]]}"))).isEqualTo("array");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"const\":{\"a\":1}}"))).isEqualTo("object");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"properties\":{}}"))).isEqualTo("object");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"items\":{}}"))).isEqualTo("array");
        assertThat(FieldTypes.typeOf(ROOT, json("{\"const\":null}"))).isNull();
        assertThat(FieldTypes.typeOf(ROOT, json("{\"type\":[\"null\"]}"))).isNull();
        assertThat(FieldTypes.typeOf(ROOT, json("{\"$ref\":\"#/$defs/nowhere\"}"))).isNull();
        assertThat(FieldTypes.typeOf(ROOT, json("{\"$ref\":\"#/$defs/loop\"}"))).isNull();
        assertThat(FieldTypes.typeOf(ROOT, json("true"))).isNull();
    }

    @Test
    void listsTheOptionsOfEnumsAndConstantsOnly() {
        assertThat(FieldTypes.options(ROOT, json("{\"enum\":[\"a\",\"b\"]}"))).hasSize(2);
        assertThat(FieldTypes.options(ROOT, json("{\"const\":\"fixed\"}"))).containsExactly(json("\"fixed\""));
        assertThat(FieldTypes.options(ROOT, json("{\"type\":\"string\"}"))).isEmpty();
        assertThat(FieldTypes.options(ROOT, json("{\"$ref\":\"#/$defs/nowhere\"}"))).isEmpty();
    }
}
