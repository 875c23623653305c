package io.mingjing.platform.portal;

import java.util.Arrays;
import java.util.List;

/** What a staff form writes one to a line: steps, or question-and-answer pairs split by "|" or "｜". */
final class ContentLines {

    private ContentLines() {
    }

    /** The non-empty lines, stripped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    /** Each line as [question, answer]; a line without a separator has an empty answer (the service says so). */
    static List<List<String>> pairs(String text) {
        return lines(text).stream().map(l -> {
            int bar = l.indexOf('|') >= 0 ? l.indexOf('|') : l.indexOf('｜');
            return bar < 0 ? List.of(l, "") : List.of(l.substring(0, bar).strip(), l.substring(bar + 1).strip());
        }).toList();
    }
}
