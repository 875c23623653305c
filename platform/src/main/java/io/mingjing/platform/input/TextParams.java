package io.mingjing.platform.input;

import io.mingjing.platform.problem.Problem;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Form fields (URL-encoded and multipart text parts) and other text parameters pass {@link Text} as they
 * are bound, so the refusal names the field; the path and query were already checked by
 * {@link RequestLine}, this is the same rule for what arrives in a body.
 */
@Provider
public class TextParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != String.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<String>() {
            @Override
            public String fromString(String value) {
                String why = Text.problem(value, true);
                if (why != null) {
                    throw new WebApplicationException(new Problem("about:blank", "Bad Request", 400,
                            "A field contains characters that are not allowed.", Map.of(name, why)).toResponse());
                }
                return value;
            }

            @Override
            public String toString(String value) {
                return value;
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String name = switch (a) {
                case FormParam f -> f.value();
                case RestForm f -> f.value().isEmpty() ? "field" : f.value();
                case QueryParam q -> q.value();
                case PathParam p -> p.value();
                case HeaderParam h -> h.value();
                case CookieParam c -> c.value();
                default -> null;
            };
            if (name != null) {
                return name;
            }
        }
        return "field";
    }
}
