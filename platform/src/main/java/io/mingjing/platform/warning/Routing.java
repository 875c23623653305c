package io.mingjing.platform.warning;

import io.mingjing.platform.inbox.InboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who handles a warning, by its tier, and in what time: efficiency warnings go to the village first,
 * serious ones to the town (督办), irregularities to the county department its fact names (the
 * inspectors when it names none) or the discipline inspectors (纪委). Overdue, a warning goes one tier
 * up. Handlers hear of new warnings once per evaluation and unit, not once per warning: a full
 * re-evaluation may raise thousands.
 */
@ApplicationScoped
class Routing {

    static final List<String> TIERS = List.of("VILLAGE", "TOWN", "DEPARTMENT", "INSPECTORS");

    /** The time limit of a warning at this tier, in hours. */
    int hours(String tier) {
        return switch (tier) {
            case "VILLAGE" -> 72;
            case "TOWN" -> 120;
            default -> 240;
        };
    }

    /** The tier an overdue warning goes to: the town after the village, the inspectors after anyone else. */
    static String above(String tier) {
        return "VILLAGE".equals(tier) ? "TOWN" : "INSPECTORS";
    }

    /** The inbox address of a tier for a place: a department by its name, the inspectors when none is named. */
    static String address(String tier, String village, String town, String department) {
        return switch (tier) {
            case "VILLAGE" -> village;
            case "TOWN" -> town;
            case "DEPARTMENT" -> department == null ? "inspectors" : department;
            default -> "inspectors";
        };
    }

    void tell(List<Evaluator.Raised> raised) {
        Map<String, Integer> perUnit = new LinkedHashMap<>();
        for (Evaluator.Raised r : raised) {
            if (!r.shadow()) {
                String to = address(r.tier(), r.village(), r.town(), r.department());
                if (to != null) {
                    perUnit.merge(to, 1, Integer::sum);
                }
            }
        }
        perUnit.forEach((to, n) -> InboxMessage.toUnit(to, null, "新的预警 " + n + " 条，请及时处置"));
    }
}
