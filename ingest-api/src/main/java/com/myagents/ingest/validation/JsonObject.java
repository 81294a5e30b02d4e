package com.myagents.ingest.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import tools.jackson.databind.JsonNode;

/**
 * A JSON value that must be an object ({@code {…}}), not an array, string or number: configs,
 * payloads and settings are read by name. {@code null} is left to {@code @NotNull}, as Bean
 * Validation's constraints do.
 */
@Documented
@Constraint(validatedBy = JsonObject.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonObject {

    String message() default "must be a JSON object";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link JsonObject}. */
    final class Check implements ConstraintValidator<JsonObject, JsonNode> {
        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.isObject();
        }
    }
}
