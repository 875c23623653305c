package io.mingjing.platform.feature;

import java.util.List;

/**
 * What a plugin's SQL may read of a feature's data: nothing (the default for a new table), or named
 * read-only {@code v_} views created by the feature's changelog. {@code plugin/PluginBoundaryTest}
 * checks the database against the union of every feature's views.
 */
public record DataBoundary(List<String> views) {

    public static final DataBoundary CLOSED = new DataBoundary(List.of());

    public DataBoundary {
        views = List.copyOf(views);
    }

    public static DataBoundary views(String... views) {
        return new DataBoundary(List.of(views));
    }
}
