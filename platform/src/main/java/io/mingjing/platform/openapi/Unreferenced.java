package io.mingjing.platform.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Drops schemas no operation uses: the portal's Qute types (TemplateInstance and friends) and whatever
 * only portal pages referred to are no part of the API.
 */
final class Unreferenced {

    private static final String PREFIX = "#/components/schemas/";

    private Unreferenced() {
    }

    static void remove(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(op -> roots(op).forEach(todo::push)));
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
                String name = s.getRef().substring(PREFIX.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            children(s).forEach(todo::push);
        }
        List.copyOf(schemas.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(name -> api.getComponents().removeSchema(name));
    }

    private static Stream<Schema> roots(Operation op) {
        Stream<Schema> params = op.getParameters() == null ? Stream.empty()
                : op.getParameters().stream().map(p -> p.getSchema());
        Stream<Schema> body = op.getRequestBody() == null ? Stream.empty() : content(op.getRequestBody().getContent());
        Stream<Schema> answers = op.getResponses() == null || op.getResponses().getAPIResponses() == null
                ? Stream.empty() : op.getResponses().getAPIResponses().values().stream()
                        .flatMap(r -> content(r.getContent()));
        return Stream.of(params, body, answers).flatMap(s -> s).filter(s -> s != null);
    }

    private static Stream<Schema> content(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(m -> m.getSchema()).filter(s -> s != null);
    }

    private static Stream<Schema> children(Schema s) {
        Stream<Schema> properties = s.getProperties() == null ? Stream.empty() : s.getProperties().values().stream();
        Stream<Schema> single = Stream.of(s.getItems(), s.getAdditionalPropertiesSchema(), s.getNot());
        Stream<Schema> combined = Stream.of(s.getAllOf(), s.getAnyOf(), s.getOneOf())
                .flatMap(l -> l == null ? Stream.empty() : l.stream());
        return Stream.of(properties, single, combined).flatMap(x -> x).filter(x -> x != null);
    }
}
