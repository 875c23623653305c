package io.mingjing.platform.portal;

import io.mingjing.platform.disclosure.Disclosure;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A disclosure's income and expense lines as a staff form writes them, one a line:
 * "集体资产租金 | 收入 | 36,500.00" (also "｜", a tab, or "，" between the three). What cannot be read
 * stays empty, so the service names the line and the part that is wrong.
 */
final class DisclosureLines {

    private DisclosureLines() {
    }

    static List<Disclosure.Line> parse(String text) {
        return ContentLines.lines(text).stream().map(DisclosureLines::line).toList();
    }

    private static Disclosure.Line line(String l) {
        String[] parts = l.split("\\s*[|｜\\t，]\\s*");
        String label = parts.length > 0 ? parts[0] : "";
        String kind = parts.length > 1 ? kind(parts[1]) : null;
        BigDecimal amount = parts.length > 2 ? amount(parts[2]) : null;
        return new Disclosure.Line(label, kind, amount);
    }

    private static String kind(String word) {
        return switch (word.strip()) {
            case "收入", "INCOME", "income", "Income" -> "INCOME";
            case "支出", "EXPENSE", "expense", "Expense" -> "EXPENSE";
            default -> word.strip();
        };
    }

    private static BigDecimal amount(String text) {
        String plain = text.replaceAll("[¥￥,\\s元]", "");
        try {
            return plain.isEmpty() || plain.length() > 20 ? null : new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The lines as the form shows them again. */
    static String format(List<Disclosure.Line> lines) {
        return lines == null ? "" : lines.stream().map(l -> l.label() + " | " + ("INCOME".equals(l.kind()) ? "收入"
                : "EXPENSE".equals(l.kind()) ? "支出" : l.kind()) + " | " + (l.amount() == null ? ""
                : l.amount().toPlainString())).collect(Collectors.joining("\n"));
    }
}
