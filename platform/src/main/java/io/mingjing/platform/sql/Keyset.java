package io.mingjing.platform.sql;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A keyset page of a list newest first by id: the ids below {@code before} (null: from the newest), at most
 * {@code size} of them shown, one row more fetched to know whether a next page exists, whose cursor is the
 * last id shown. An offset would make the database read every row it skips.
 */
public record Keyset(Long before, int size) {

    /** @param limit as asked, held between 1 and {@code max} */
    public static Keyset of(Long before, int limit, int max) {
        return new Keyset(before, Math.max(1, Math.min(limit, max)));
    }

    /** The cursor as a bound that every id meets when none was given. */
    public long below() {
        return before == null ? Long.MAX_VALUE : before;
    }

    /** How many rows to fetch: one more than a page. */
    public int fetch() {
        return size + 1;
    }

    /**
     * @param rows as fetched, at most {@link #fetch()} of them
     * @param view what a row shows; @param id a shown item's id
     * @param page the feature's page of the items shown and the next page's cursor (null: it was the last)
     */
    public <R, T, P> P page(List<R> rows, Function<R, T> view, ToLongFunction<T> id, BiFunction<List<T>, Long, P> page) {
        List<T> items = rows.stream().limit(size).map(view).toList();
        return page.apply(items, next(rows, items, id));
    }

    /** The next page's cursor, where more {@code rows} were fetched than {@code items} shown; else null. */
    public <T> Long next(List<?> rows, List<T> items, ToLongFunction<T> id) {
        return rows.size() > size ? id.applyAsLong(items.getLast()) : null;
    }
}
