package io.mingjing.sdk.testkit;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a module's {@code web/templates/} with the same Qute settings as the platform. */
final class Pages {

    private final Engine engine;

    Pages(ClassLoader loader) {
        TemplateLocator locator = name -> {
            URL url = loader.getResource("web/templates/" + (name.endsWith(".html") ? name : name + ".html"));
            return url == null ? Optional.empty() : Optional.of(new TemplateLocator.TemplateLocation() {
                public Reader read() {
                    try {
                        return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                public Optional<Variant> getVariant() {
                    return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
                }
            });
        };
        engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(locator)
                .removeStandaloneLines(true).strictRendering(false).build();
    }

    String render(String name, Map<String, Object> model) {
        Template t = engine.getTemplate(name);
        if (t == null) {
            throw new AssertionError("no template web/templates/" + name + ".html");
        }
        return t.data(model).render();
    }
}
