package io.mingjing.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * Marks as nullable (OpenAPI 3.1: {@code "null"} among the types) every property whose Java field can
 * hold null and is written as null: a reference type without a not-null constraint, in a class that
 * does not omit nulls. Clients generated from the document otherwise crash on {@code "department":
 * null}.
 */
final class Nullables {

    private static final List<DotName> NOT_NULL = List.of(DotName.createSimple("jakarta.validation.constraints.NotNull"),
            DotName.createSimple("jakarta.validation.constraints.NotBlank"),
            DotName.createSimple("jakarta.validation.constraints.NotEmpty"));
    private static final DotName JSON_INCLUDE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");

    private Nullables() {
    }

    static void mark(OpenAPI api, IndexView index) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> schema : api.getComponents().getSchemas().entrySet()) {
            Optional<ClassInfo> type = find(index, schema.getKey());
            if (type.isEmpty() || schema.getValue().getProperties() == null || omitsNulls(type.get())) {
                continue;
            }
            schema.getValue().getProperties().forEach((name, property) -> {
                FieldInfo field = type.get().field(name);
                if (field != null && nullable(field)) {
                    schema.getValue().addProperty(name, nullable(property));
                }
            });
        }
    }

    private static Optional<ClassInfo> find(IndexView index, String schemaName) {
        return index.getKnownClasses().stream().filter(c -> c.name().toString().startsWith("io.mingjing.")
                && schemaName.equals(c.simpleName())).findFirst();
    }

    private static boolean omitsNulls(ClassInfo type) {
        var include = type.declaredAnnotation(JSON_INCLUDE);
        return include != null && include.value() != null && !include.value().asEnum().equals("ALWAYS");
    }

    private static boolean nullable(FieldInfo field) {
        if (field.type().kind() == Type.Kind.PRIMITIVE) {
            return false;
        }
        AnnotationTarget target = field;
        return NOT_NULL.stream().noneMatch(a -> target.hasAnnotation(a) || field.type().hasAnnotation(a)
                || recordComponentHas(field, a));
    }

    private static boolean recordComponentHas(FieldInfo field, DotName annotation) {
        var component = field.declaringClass().recordComponent(field.name());
        return component != null && component.hasAnnotation(annotation);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }
}
