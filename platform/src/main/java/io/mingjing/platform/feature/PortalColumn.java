package io.mingjing.platform.feature;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A column of the village page (村务公开) that a feature fills: the home page shows its first items
 * and links to {@code /t/{county}/v/{village}/c/{slug}}, which pages through all of them.
 *
 * @param slug the path segment of the column's own page, lowercase letters and digits
 * @param titleKey the text key of its heading, e.g. {@code col.notices}
 * @param items what the column lists for the caller of the request (the feature decides what they may read)
 * @param residentsOnly only the village's residents and its staff read it; others see a lock and a
 *        login link where its items would be, and its items are never asked for
 * @param position where it stands on the village page, lowest first: the round-1 columns hold 10–90 so
 *        that residents find them where they always were; a new column says where it belongs with {@link #at}
 */
public record PortalColumn(String slug, String titleKey, Items items, boolean residentsOnly, int position)
        implements FeatureManifest.Part {

    static final int AFTER_THE_CORE = 100;

    /** A column anyone may read, after the round-1 columns. */
    public PortalColumn(String slug, String titleKey, Items items) {
        this(slug, titleKey, items, false, AFTER_THE_CORE);
    }

    public PortalColumn(String slug, String titleKey, Items items, boolean residentsOnly) {
        this(slug, titleKey, items, residentsOnly, AFTER_THE_CORE);
    }

    /** The same column at another place on the page. */
    public PortalColumn at(int position) {
        return new PortalColumn(slug, titleKey, items, residentsOnly, position);
    }

    /** What a column lists; called on the request thread inside the county's transaction. */
    @FunctionalInterface
    public interface Items {
        List<Item> list(Query query);
    }

    /**
     * @param village the village's 12-digit code
     * @param limit at most this many items (5 on the home page, a page's worth on the column page)
     * @param page the page of the column page, from 0
     * @param text the page's texts by key, in its one language
     * @param home the village home page, where a column shows a preview (resident-only items have their
     *        own column there), not the column's own page
     */
    public record Query(String village, int limit, int page, Function<String, String> text, boolean home) {

        /** How many items come before this page. */
        public int offset() {
            return page * limit;
        }

        /** This page of a list the feature reads whole (short lists: rules, the power list). */
        public <T> List<T> window(List<T> all) {
            return all.stream().skip(offset()).limit(limit).toList();
        }
    }

    /**
     * @param href relative to the county's portal root, e.g. {@code /notices/12}
     * @param at shown as the item's date; null for none
     * @param badge already in the page's language; null for none
     * @param body shown under the title (rules, answers); null for none
     */
    public record Item(String text, String href, Instant at, String badge, String body) {
    }
}
