package io.mingjing.platform.consultation;

import io.mingjing.platform.consultation.ConsultationRequests.ResolutionTask;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.identity.Caller;
import io.mingjing.platform.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** What a resolution leaves behind, so it is never typed twice: a task of the village, a disclosure draft. */
@ApplicationScoped
class ConsultationOutcomes {

    @Inject
    TaskService tasks;
    @Inject
    DisclosureService disclosures;

    Long task(Consultation x, ResolutionTask t, Caller c) {
        String title = ConsultationService.required(t.title(), "task.title", 100);
        return tasks.fromResolution(x.village, title, "码上协商决议：" + x.resolution, t.deadline(),
                "consultation:" + x.id, c).id;
    }

    /** A VILLAGE draft for the village's own residents: the cadre reviews and submits it like any other. */
    Long disclosure(Consultation x, String actor) {
        return disclosures.draft(x.village, new DisclosureService.Draft("VILLAGE", "协商结果公示：" + x.title, null,
                body(x), List.of(), "RESIDENTS"), actor).id;
    }

    @SuppressWarnings("unchecked")
    private static String body(Consultation x) {
        StringBuilder b = new StringBuilder("议题：").append(x.title).append("\n表决结果：");
        Map<String, Object> r = x.result;
        ((Map<String, Object>) r.get("counts")).forEach((o, n) -> b.append(o).append(' ').append(n).append("票；"));
        b.append("参加投票 ").append(r.get("cast")).append(" 人，应参加 ").append(r.get("eligible")).append(" 人，")
                .append(Boolean.TRUE.equals(r.get("passed")) ? "通过。" : "未通过。");
        return b.append("\n决议：").append(x.resolution).toString();
    }
}
