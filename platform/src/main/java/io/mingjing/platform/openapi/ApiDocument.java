package io.mingjing.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.IndexView;

/**
 * Makes the API document say what the platform does. The county is consumed by a pre-matching filter,
 * so most county resources never declare {@code {tenant}}: it is declared here, once, on every county
 * operation. Refusals are RFC 9457 problems wherever they come from (the request-line check, the
 * county filter, security, validation), so they are documented here, once, with one Problem schema.
 * <p>
 * The portal ({@code /t/{tenant}/…}) and the operator console ({@code /console/…}) are left out: they are HTML for browsers (including {@code /logout},
 * which the OIDC layer answers and no resource declares), not an API a client can code against, and
 * listing half of it would be worse than listing none.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";
    private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("400", "Malformed request: a "
            + "field, path segment or query parameter is not acceptable (see errors)"),
            Map.entry("401", "Not logged in, or the token is not valid for this county"),
            Map.entry("403", "The caller may not do this"),
            Map.entry("404", "No such county or resource (also for another county's ids)"),
            Map.entry("409", "Conflicts with the current state (exists already, other body for the same "
                    + "Idempotency-Key)"),
            Map.entry("413", "The body is larger than the limit"),
            Map.entry("414", "The address is too long"),
            Map.entry("415", "The body's media type is not accepted here"),
            Map.entry("422", "Well-formed but not valid in this state (see errors)"),
            Map.entry("431", "The request headers are too large"),
            Map.entry("503", "The county is suspended or being migrated, or the database is unreachable; see "
                    + "Retry-After"));

    private final IndexView index;

    public ApiDocument(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, PathItem> items = new LinkedHashMap<>(api.getPaths().getPathItems());
        for (Map.Entry<String, PathItem> item : items.entrySet()) {
            if (item.getKey().startsWith("/t/") || item.getKey().equals("/console") || item.getKey().startsWith("/console/")) {
                api.getPaths().removePathItem(item.getKey());
                continue;
            }
            boolean county = item.getKey().startsWith("/api/t/{tenant}");
            item.getValue().getOperations().forEach((method, op) -> describe(op, method.name(), county));
        }
        api.getComponents().addSchema("Problem", problemSchema());
        Nullables.mark(api, index);
        Unreferenced.remove(api);
    }

    private static void describe(Operation op, String method, boolean county) {
        if (county) {
            declareTenant(op);
        }
        APIResponses responses = op.getResponses();
        boolean body = op.getRequestBody() != null;
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        List<String> codes = new ArrayList<>(List.of("400", "414", "431"));
        codes.addAll(county || hasPathParams(op) ? List.of("404") : List.of());
        codes.addAll(county ? List.of("503") : List.of());
        codes.addAll(secured ? List.of("401", "403") : List.of());
        codes.addAll(body ? List.of("413", "415") : List.of());
        codes.addAll(write ? List.of("409", "422") : List.of());
        for (String code : codes) {
            responses.addAPIResponse(code, problem(code));
        }
        responses.getAPIResponses().forEach((code, r) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                responses.addAPIResponse(code, problem(code));
            }
        });
    }

    private static boolean hasPathParams(Operation op) {
        return op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static void declareTenant(Operation op) {
        if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "tenant".equals(p.getName()))) {
            op.getParameters().stream().filter(p -> "tenant".equals(p.getName())).forEach(ApiDocument::tenant);
            return;
        }
        op.addParameter(tenant(OASFactory.createParameter()));
    }

    private static Parameter tenant(Parameter p) {
        return p.name("tenant").in(Parameter.In.PATH).required(true)
                .description("The county id, e.g. yiwu; an unknown county is a 404")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[a-z][a-z0-9-]{1,30}$"));
    }

    private static APIResponse problem(String code) {
        return OASFactory.createAPIResponse().description(REASONS.getOrDefault(code, "A problem"))
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; errors maps a field (or \"row 3.code\") to what is wrong with it")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(text));
    }
}
