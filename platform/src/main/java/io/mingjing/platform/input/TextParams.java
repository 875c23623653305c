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
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Form fields (URL-encoded and multipart text parts) and other parameters pass {@link Text} as they are
 * bound, and numbers and enums that do not parse are refused, so the refusal names the field; the path and
 * query were already checked by {@link RequestLine}, this is the same rule for what arrives in a body.
 */
@Provider
public class TextParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == String.class) {
            return (ParamConverter<T>) converter(name, value -> value, null);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) converter(name, TextParams::finite, "must be a number");
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) converter(name, value -> enumValue(rawType, value), "must be one of "
                    + Arrays.stream(rawType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        }
        return null;
    }

    /**
     * A converter that checks the text, then parses it; a value that does not parse is a 400 naming the
     * parameter (the JAX-RS default would be a bare 404 for a query parameter).
     */
    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String expected) {
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                String why = Text.problem(value, true);
                if (why != null) {
                    throw refusal(name, why);
                }
                try {
                    return value == null ? null : parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw refusal(name, expected);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static Double finite(String value) {
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite");
        }
        return d;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumValue(Class<?> type, String value) {
        return Enum.valueOf((Class<Enum>) type, value);
    }

    private static WebApplicationException refusal(String name, String why) {
        return new WebApplicationException(new Problem("about:blank", "Bad Request", 400,
                "A parameter is not acceptable.", Map.of(name, why)).toResponse());
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
