package io.mingjing.platform.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a demo item was published: the day the county file names, else a day just after the period its
 * title speaks of (a quarter's accounts ten days after the quarter, a year's in mid-January), so no demo
 * item looks written on the day the demo was loaded.
 */
public final class DemoDates {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})年第([1-4一二三四])季度");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年");

    private DemoDates() {
    }

    /** @return null when neither names a day: the item is published now */
    public static Instant of(String publishedOn, String period) {
        LocalDate day = publishedOn != null && !publishedOn.isBlank() ? LocalDate.parse(publishedOn.strip())
                : afterPeriod(period);
        return day == null ? null : day.atTime(LocalTime.of(9, 30)).atZone(CHINA).toInstant();
    }

    static LocalDate afterPeriod(String period) {
        if (period == null) {
            return null;
        }
        Matcher q = QUARTER.matcher(period);
        if (q.find()) {
            int quarter = "1一2二3三4四".indexOf(q.group(2)) / 2 + 1;
            return YearMonth.of(Integer.parseInt(q.group(1)), quarter * 3).atEndOfMonth().plusDays(10);
        }
        Matcher m = MONTH.matcher(period);
        if (m.find() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth().plusDays(5);
        }
        Matcher y = YEAR.matcher(period);
        return y.find() ? LocalDate.of(Integer.parseInt(y.group(1)) + 1, 1, 15) : null;
    }
}
